namespace CommonProsperity.Nlp.Models;

/// <summary>How well a lexicon's hits agree with labelled passages.</summary>
/// <param name="Themes">Per language (<c>all</c>, then each language) and theme, the metrics of the theme's hits (a passage is
/// positive when any of the theme's terms match), scored by the evaluator <c>evaluate</c> uses (<see cref="ModelEvaluator.Score"/>).</param>
/// <param name="Passages">Per language (<c>all</c> included), the passages compared.</param>
/// <param name="Terms">Per term, how often it fires and how often on a passage of its own theme.</param>
/// <param name="Exclusions">Per exclusion of every term (in lexicon order), what it removed.</param>
public sealed record LexiconEvaluation(IReadOnlyList<ThemeMetrics> Themes, IReadOnlyDictionary<string, int> Passages, IReadOnlyList<TermAgreement> Terms, IReadOnlyList<ExclusionEffect> Exclusions);
