using System.Globalization;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>Metrics as console text: the tables and one-line summaries <c>train</c> and <c>evaluate</c> print.</summary>
internal static class MetricsText
{
    /// <summary>
    /// Prints a metrics table (per theme, micro, macro; all and per language): precision, recall, F1 and,
    /// with <paramref name="intervals"/>, the F1's confidence interval (the other intervals are in the CSV).
    /// </summary>
    public static void PrintMetrics(TextWriter output, IReadOnlyList<ThemeMetrics> metrics, IReadOnlyDictionary<string, double>? thresholds = null, IReadOnlyList<MetricIntervals>? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var language in metrics.Select(m => m.Language).Distinct())
        {
            output.WriteLine($"  [{language}] theme               precision  recall     f1{(intervals is null ? "" : "  f1 95% CI".PadRight(16))}  support{(thresholds is null ? "" : "  threshold")}");
            for (var k = 0; k < metrics.Count; k++)
            {
                var m = metrics[k];
                if (m.Language != language)
                {
                    continue;
                }

                var threshold = thresholds is not null && thresholds.TryGetValue(m.Theme, out var th) ? th.ToString("F2", CultureInfo.InvariantCulture) : "";
                var interval = intervals is null ? "" : "  " + Interval(intervals[k].F1).PadRight(14);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        {m.Theme,-19} {m.Precision,9:F3} {m.Recall,7:F3} {m.F1,6:F3}{interval} {m.Support,8}  {threshold}").TrimEnd());
            }
        }
    }

    /// <summary>One line with the macro-F1 of every slice and its interval, for example <c>macro-F1 0.692 [0.610, 0.760]; en 0.630 [...]; zh ...</c>.</summary>
    public static string MacroSummary(IReadOnlyList<ThemeMetrics> metrics, IReadOnlyList<MetricIntervals>? intervals)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var parts = new List<string>();
        for (var k = 0; k < metrics.Count; k++)
        {
            if (metrics[k].Theme != "macro")
            {
                continue;
            }

            var interval = intervals is null ? "" : " " + Interval(intervals[k].F1);
            var label = metrics[k].Language == ThemeMetrics.AllLanguages ? "macro-F1" : metrics[k].Language;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{label} {metrics[k].F1:F3}{interval}"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>An interval as <c>[0.610, 0.760]</c>, or <c>[n/a]</c> when no resample defined it.</summary>
    public static string Interval(MetricInterval interval) =>
        interval.IsDefined ? string.Create(CultureInfo.InvariantCulture, $"[{interval.Low:F3}, {interval.High:F3}]") : "[n/a]";
}
