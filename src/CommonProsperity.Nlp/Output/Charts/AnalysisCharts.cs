using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The charts of an <c>analyze</c> run, drawn from the same per-document summaries as its CSV reports:
/// theme rate per document (heatmap), the corpus's theme profile (bars, one per language when there are
/// several), and, when the documents span two or more years, theme rates by year (lines).
/// </summary>
internal static class AnalysisCharts
{
    /// <summary>The label of theme rates on every chart: rates per 1,000 words, which compare across languages (a Chinese token is one character).</summary>
    public const string RateLabel = "hits per 1,000 words";

    /// <summary>Stages the charts in <paramref name="output"/>; returns their file names.</summary>
    public static IReadOnlyList<string> Write(OutputDirectory output, IReadOnlyList<DocumentSummary> documents, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(themes);
        var names = new List<string>();
        if (documents.Count == 0 || themes.Count == 0)
        {
            return names;
        }

        var shown = Longest(documents, d => d.Tokens, MaxHeatmapRows);
        var values = new double[shown.Count, themes.Count];
        for (var d = 0; d < shown.Count; d++)
        {
            for (var t = 0; t < themes.Count; t++)
            {
                values[d, t] = Rate.Per1000(shown[d].Themes[t].Hits, shown[d].Words);
            }
        }

        var title = shown.Count < documents.Count ? $"Themes per document (the {shown.Count} longest of {documents.Count})" : "Themes per document";
        HeatmapChart.Write(output.Stage(ReportFiles.ThemeHeatmapChart), title, shown.Select(d => Label(d.Id)).ToList(), themes, values, RateLabel, "theme");
        names.Add(ReportFiles.ThemeHeatmapChart);

        var series = new List<(string Name, IReadOnlyList<double> Values)> { ("all", Rates(documents, themes.Count)) };
        var languages = documents.GroupBy(d => d.Metadata.Language ?? "unknown", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (languages.Count > 1)
        {
            series.AddRange(languages.Select(g => (g.Key, (IReadOnlyList<double>)Rates(g.ToList(), themes.Count))));
        }

        BarChart.Write(output.Stage(ReportFiles.ThemeProfileChart), $"Theme profile of the corpus ({documents.Count} documents)", themes, series, RateLabel);
        names.Add(ReportFiles.ThemeProfileChart);

        var years = documents.Where(d => d.Metadata.Year is not null).GroupBy(d => d.Metadata.Year!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (years.Count >= 2)
        {
            var lines = themes.Select((theme, t) => (theme, (IReadOnlyList<double>)years.Select(y => ThemeGroupTally.Of(y.ToList(), t).Per1000Words).ToList())).ToList();
            LineChart.Write(output.Stage(ReportFiles.ThemeTrendChart), "Themes by year", years.Select(y => y.Key).ToList(), lines, RateLabel);
            names.Add(ReportFiles.ThemeTrendChart);
        }

        return names;
    }

    /// <summary>The most documents a heatmap shows (one row each); beyond it rows would not be legible.</summary>
    public const int MaxHeatmapRows = 100;

    /// <summary>The <paramref name="count"/> items with the most tokens, in their original order (all when there are no more).</summary>
    public static IReadOnlyList<T> Longest<T>(IReadOnlyList<T> items, Func<T, long> tokens, int count)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(tokens);
        if (items.Count <= count)
        {
            return items;
        }

        var keep = items.Select((item, index) => (item, index)).OrderByDescending(x => tokens(x.item)).ThenBy(x => x.index).Take(count).Select(x => x.index).ToHashSet();
        return items.Where((_, index) => keep.Contains(index)).ToList();
    }

    /// <summary>A document id as a chart label: the file name without its extension.</summary>
    public static string Label(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var name = id.Contains('#', StringComparison.Ordinal) ? id : Path.GetFileNameWithoutExtension(id);
        return string.IsNullOrEmpty(name) ? id : name;
    }

    private static List<double> Rates(IReadOnlyList<DocumentSummary> documents, int themes) =>
        Enumerable.Range(0, themes).Select(t => ThemeGroupTally.Of(documents.ToList(), t).Per1000Words).ToList();
}
