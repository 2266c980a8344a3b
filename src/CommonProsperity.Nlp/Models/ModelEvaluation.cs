namespace CommonProsperity.Nlp.Models;

/// <summary>A model (and optionally a lexicon) scored on labelled passages.</summary>
/// <param name="Classifier">The classifier's metrics (per theme, micro, macro; all and per language).</param>
/// <param name="Probabilities">Per passage, the probability of each model theme.</param>
/// <param name="Predicted">Per passage, the themes the classifier predicts.</param>
/// <param name="Lexicon">The lexicon's metrics on the same passages, when asked for.</param>
/// <param name="LexiconPredicted">Per passage, the themes the lexicon hits, when asked for.</param>
/// <param name="ClassifierIntervals">Document-bootstrap intervals of <paramref name="Classifier"/>, row by row (null: not asked for).</param>
/// <param name="LexiconIntervals">Document-bootstrap intervals of <paramref name="Lexicon"/>, row by row.</param>
public sealed record ModelEvaluation(
    IReadOnlyList<ThemeMetrics> Classifier,
    IReadOnlyList<float[]> Probabilities,
    IReadOnlyList<IReadOnlySet<string>> Predicted,
    IReadOnlyList<ThemeMetrics>? Lexicon,
    IReadOnlyList<IReadOnlySet<string>>? LexiconPredicted,
    IReadOnlyList<MetricIntervals>? ClassifierIntervals = null,
    IReadOnlyList<MetricIntervals>? LexiconIntervals = null);
