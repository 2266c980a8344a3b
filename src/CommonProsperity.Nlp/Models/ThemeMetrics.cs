namespace CommonProsperity.Nlp.Models;

/// <summary>Precision, recall and F1 of one theme (or a micro/macro average) on one slice of passages.</summary>
/// <param name="Theme">The theme id, or <c>micro</c> / <c>macro</c>.</param>
/// <param name="Language">The language slice, or <c>all</c>.</param>
/// <param name="Precision">TP / (TP + FP).</param>
/// <param name="Recall">TP / (TP + FN).</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Gold positives.</param>
/// <param name="TruePositives">Predicted and gold.</param>
/// <param name="FalsePositives">Predicted, not gold.</param>
/// <param name="FalseNegatives">Gold, not predicted.</param>
public sealed record ThemeMetrics(string Theme, string Language, double Precision, double Recall, double F1, int Support, int TruePositives, int FalsePositives, int FalseNegatives)
{
    /// <summary>The language slice that holds every passage, whatever its language.</summary>
    public const string AllLanguages = "all";

    /// <summary>Metrics from counts.</summary>
    public static ThemeMetrics From(string theme, string language, int tp, int fp, int fn)
    {
        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ThemeMetrics(theme, language, precision, recall, f1, tp + fn, tp, fp, fn);
    }
}
