namespace CommonProsperity.Nlp.Counting;

/// <summary>How well a lexicon's hits agree with labelled passages.</summary>
/// <param name="Themes">Per theme and language (<c>all</c>, then each language), the agreement counts.</param>
/// <param name="Terms">Per term, how often it fires and how often on a passage of its own theme.</param>
/// <param name="Exclusions">Per exclusion of every term (in lexicon order), what it removed.</param>
public sealed record LexiconEvaluation(IReadOnlyList<ThemeAgreement> Themes, IReadOnlyList<TermAgreement> Terms, IReadOnlyList<ExclusionEffect> Exclusions);
