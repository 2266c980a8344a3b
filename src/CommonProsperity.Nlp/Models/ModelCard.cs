using System.Text.Json.Serialization;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// What a theme model file says about itself (<c>card.json</c> inside the model): enough to know what
/// it predicts, how it was made, on what, and how well it did in cross-validation.
/// </summary>
/// <param name="FormatVersion">The model file format; a loader refuses others.</param>
/// <param name="ToolVersion">The tool version that trained it.</param>
/// <param name="Themes">The themes it predicts, with thresholds and label counts.</param>
/// <param name="SkippedThemes">Themes with too few positive examples, not trained, with the reason.</param>
/// <param name="LexiconSha256">Fingerprint of the lexicon used for features (stored inside the model).</param>
/// <param name="TrainingData">The label files, with SHA-256 and row counts.</param>
/// <param name="Passages">Labelled passages trained on (after merging duplicates).</param>
/// <param name="LabelCounts">Per theme and language, positive passages.</param>
/// <param name="CrossValidation">Cross-validated metrics (folds grouped by document).</param>
/// <param name="Folds">The number of folds.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Trainer">The trainer and its settings.</param>
/// <param name="Features">The features, in words.</param>
/// <param name="UnknownDocumentProfile">The lexicon profile used for a passage whose document is unknown: that of all training passages taken together.</param>
/// <param name="Evaluation">
/// The model (and the lexicon) scored on labelled passages it was not trained on (<c>cpnlp train --evaluate-on</c>),
/// with confidence intervals; written first in <c>card.json</c>, as the figures that say how it does on new documents.
/// </param>
public sealed record ModelCard(
    [property: JsonPropertyOrder(-3)] int FormatVersion,
    [property: JsonPropertyOrder(-2)] string ToolVersion,
    IReadOnlyList<ModelTheme> Themes,
    IReadOnlyList<string> SkippedThemes,
    string LexiconSha256,
    IReadOnlyList<TrainingFile> TrainingData,
    int Passages,
    IReadOnlyList<LabelCount> LabelCounts,
    IReadOnlyList<ThemeMetrics> CrossValidation,
    int Folds,
    int Seed,
    string Trainer,
    string Features,
    IReadOnlyList<float> UnknownDocumentProfile,
    [property: JsonPropertyOrder(-1)] CardEvaluation? Evaluation = null)
{
    /// <summary>The format this version reads and writes.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>A theme the model predicts.</summary>
/// <param name="Id">The theme id.</param>
/// <param name="Threshold">The probability at or above which the theme is predicted, chosen on cross-validated scores to maximise F1.</param>
/// <param name="Positives">Positive training passages.</param>
public sealed record ModelTheme(string Id, double Threshold, int Positives);

/// <summary>A label file a model was trained on.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes.</param>
/// <param name="Rows">Rows read.</param>
public sealed record TrainingFile(string Path, string Sha256, int Rows);

/// <summary>Positive passages of a theme in one language.</summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Language">The language.</param>
/// <param name="Count">Positive passages.</param>
public sealed record LabelCount(string Theme, string Language, int Count);

/// <summary>A model's figures on labelled passages it was not trained on (a dev set), as the model card keeps them.</summary>
/// <param name="Labels">The label file, as given.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes.</param>
/// <param name="Passages">Passages scored.</param>
/// <param name="Documents">Distinct documents among them.</param>
/// <param name="Resamples">Bootstrap resamples of whole documents behind the intervals.</param>
/// <param name="Seed">The bootstrap seed.</param>
/// <param name="Classifier">The classifier's metrics.</param>
/// <param name="ClassifierIntervals">Their 95% intervals, row by row.</param>
/// <param name="Lexicon">The model's lexicon scored the same way (a passage is positive when a term hits).</param>
/// <param name="LexiconIntervals">Their 95% intervals, row by row.</param>
public sealed record CardEvaluation(
    string Labels,
    string Sha256,
    int Passages,
    int Documents,
    int Resamples,
    int Seed,
    IReadOnlyList<ThemeMetrics> Classifier,
    IReadOnlyList<MetricIntervals>? ClassifierIntervals,
    IReadOnlyList<ThemeMetrics> Lexicon,
    IReadOnlyList<MetricIntervals>? LexiconIntervals);
