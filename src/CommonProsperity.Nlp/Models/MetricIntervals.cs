namespace CommonProsperity.Nlp.Models;

/// <summary>The confidence intervals of one <see cref="ThemeMetrics"/> row (same theme and language slice).</summary>
/// <param name="Theme">The theme id, or <c>micro</c> / <c>macro</c>.</param>
/// <param name="Language">The language slice, or <c>all</c>.</param>
/// <param name="Precision">The interval of the precision.</param>
/// <param name="Recall">The interval of the recall.</param>
/// <param name="F1">The interval of the F1.</param>
public sealed record MetricIntervals(string Theme, string Language, MetricInterval Precision, MetricInterval Recall, MetricInterval F1);
