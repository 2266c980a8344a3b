using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>Theme rates over time, from the documents' dates: per period (year or month) and theme, the pooled hits per 1,000 tokens.</summary>
internal static class ThemeTrend
{
    /// <summary>
    /// The points of every theme for each period that has documents, periods in time order. Documents
    /// without a date (or, by month, without a month) are left out with a warning.
    /// </summary>
    /// <exception cref="OptionsException">No document has a usable date.</exception>
    public static IReadOnlyList<ThemeTrendPoint> Compute(IReadOnlyList<DocumentSummary> documents, IReadOnlyList<string> themes, TrendPeriod period, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var points = new List<ThemeTrendPoint>();
        foreach (var (key, members) in Periods(documents, period, warnings))
        {
            for (var t = 0; t < themes.Count; t++)
            {
                points.Add(new ThemeTrendPoint(key, themes[t], ThemeGroupTally.Of(members, t)));
            }
        }

        return points;
    }

    /// <summary>
    /// The documents of each period that has documents, periods in time order, documents in input order.
    /// Documents without a date (or, by month, without a month) are left out with a warning.
    /// </summary>
    /// <exception cref="OptionsException">No document has a usable date.</exception>
    internal static IReadOnlyList<(string Period, IReadOnlyList<DocumentSummary> Documents)> Periods(IReadOnlyList<DocumentSummary> documents, TrendPeriod period, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(warnings);
        var undated = documents.Where(d => Key(d, period) is null).ToList();
        if (undated.Count == documents.Count)
        {
            throw new OptionsException($"{OptionName.GroupBy} {period.ToString().ToLowerInvariant()}: none of the {documents.Count} document(s) has a {(period == TrendPeriod.Year ? "date" : "date with a month")}.",
                period == TrendPeriod.Month
                    ? Wording.Of($"Give dates (yyyy-MM-dd, yyyy-MM or yyyy) in the date column of sources.csv, or use {OptionName.GroupBy} year.")
                    : Wording.Of($"Give dates (yyyy-MM-dd, yyyy-MM or yyyy) in the date column of sources.csv."));
        }

        if (undated.Count > 0)
        {
            warnings.Add($"{undated.Count} of {documents.Count} document(s) have no {(period == TrendPeriod.Year ? "date" : "month in their date")} and were left out: "
                + string.Join(", ", undated.Select(d => d.Id).Take(5)) + (undated.Count > 5 ? ", ..." : "") + ".");
        }

        return [.. documents.Where(d => Key(d, period) is not null).GroupBy(d => Key(d, period)!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<DocumentSummary>)[.. g]))];
    }

    private static string? Key(DocumentSummary document, TrendPeriod period) => period == TrendPeriod.Year ? document.Metadata.Year : document.Metadata.Month;
}
