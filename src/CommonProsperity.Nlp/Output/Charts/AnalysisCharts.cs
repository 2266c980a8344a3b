using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The charts of an <c>analyze</c> run, drawn from the same tallies as its CSV reports, so that no chart
/// needs every document at once: theme rate per document (a heatmap of the longest documents, kept as they
/// arrive), the corpus's theme profile (bars, one per language when there are several), and, when the
/// documents span two or more years, theme rates by year (lines).
/// </summary>
internal static class AnalysisCharts
{
    /// <summary>The label of theme rates on every chart: rates per 1,000 words, which compare across languages (a Chinese token is one character).</summary>
    public const string RateLabel = "hits per 1,000 words";

    /// <summary>Draws the charts to the paths <paramref name="pathOf"/> gives for their file names; returns their file names, in order.</summary>
    /// <param name="pathOf">The path to write a chart to, by its file name (staging it, or only naming where it goes when the caller stages the names afterwards, off the drawing thread).</param>
    /// <param name="longest">The longest documents (at most <see cref="MaxHeatmapRows"/>, in input order): the heatmap's rows.</param>
    /// <param name="corpus">The tallies of the whole run (all documents, per language, per year).</param>
    /// <param name="themes">The themes, in the lexicon's order.</param>
    /// <param name="chart">
    /// The themes drawn (heatmap columns, profile bars, trend lines) and the scale, as for <c>trend</c>: on
    /// the relative scale the heatmap's columns and the trend's lines are each a share of the theme's own
    /// highest rate; the profile compares themes with each other, so it stays in rates. Null: every theme, in rates.
    /// </param>
    public static IReadOnlyList<string> Write(Func<string, string> pathOf, IReadOnlyList<DocumentSummary> longest, CorpusSummaryTally corpus, IReadOnlyList<string> themes, TrendChartOptions? chart = null)
    {
        ArgumentNullException.ThrowIfNull(pathOf);
        ArgumentNullException.ThrowIfNull(longest);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(themes);
        chart ??= new TrendChartOptions();
        var names = new List<string>();
        var documents = corpus.Documents;
        if (documents == 0 || themes.Count == 0)
        {
            return names;
        }

        var drawn = chart.Drawn(themes);
        var index = drawn.Select(theme => themes.ToList().IndexOf(theme)).ToArray();
        var columns = index.Select((t, c) => (drawn[c], (IReadOnlyList<double>)[.. longest.Select(d => Rate.Per1000(d.Themes[t].Hits, d.Words))])).ToList();
        if (chart.Relative)
        {
            columns = [.. columns.Select(c => RelativeScale.Of(c.Item1, c.Item2, "\n"))];
        }

        var values = new double[longest.Count, drawn.Count];
        for (var d = 0; d < longest.Count; d++)
        {
            for (var c = 0; c < drawn.Count; c++)
            {
                values[d, c] = columns[c].Item2[d];
            }
        }

        var title = longest.Count < documents ? $"Themes per document (the {longest.Count} longest of {documents})" : "Themes per document";
        HeatmapChart.Write(pathOf(ReportFiles.ThemeHeatmapChart), title, longest.Select(d => Label(d.Id)).ToList(), [.. columns.Select(c => c.Item1)], values,
            chart.Relative ? RelativeScale.Label("theme", RateLabel) : RateLabel, "theme", chart.Relative ? "0.00" : "0.0");
        names.Add(ReportFiles.ThemeHeatmapChart);

        (string, IReadOnlyList<double>) Rates((string Key, IReadOnlyList<ThemeGroupTally> Themes) group) => (group.Key, [.. index.Select(t => group.Themes[t].Per1000Words)]);
        List<(string Name, IReadOnlyList<double> Values)> series = [.. corpus.Groups(CorpusSummaryTally.All).Select(Rates)];
        var languages = corpus.Groups(CorpusSummaryTally.Language);
        if (languages.Count > 1)
        {
            series.AddRange(languages.Select(Rates));
        }

        BarChart.Write(pathOf(ReportFiles.ThemeProfileChart), $"Theme profile of the corpus ({documents} documents)", drawn, series, RateLabel);
        names.Add(ReportFiles.ThemeProfileChart);

        var years = corpus.Groups(CorpusSummaryTally.Year).Where(y => y.Key != CorpusSummaryTally.Unknown).ToList();
        if (years.Count >= 2)
        {
            var lines = index.Select((t, c) => (drawn[c], (IReadOnlyList<double>)years.Select(y => y.Themes[t].Per1000Words).ToList())).ToList();
            LineChart.Write(pathOf(ReportFiles.ThemeTrendChart), "Themes by year", years.Select(y => y.Key).ToList(), lines, RateLabel, chart.Relative);
            names.Add(ReportFiles.ThemeTrendChart);
        }

        return names;
    }

    /// <summary>
    /// Once per process, on the thread pool: looks the chart fonts up and draws a small heatmap and bar chart
    /// that are not kept, so that what the first chart of a process pays once (loading the drawing library and
    /// the fonts, shaping text, compiling the plotting code, the PNG encoder) is paid while a run starts, when
    /// one core is idle, and not in the serial tail after its last document. Drawing is deterministic, so the
    /// charts drawn afterwards are the same bytes. A failure here is not observed: the run's own charts meet it again and report it.
    /// </summary>
    /// <returns>The warm-up (the same task on every call), for a caller that wants to wait for it.</returns>
    public static Task PrepareInBackground() => WarmUp.Value;

    private static readonly Lazy<Task> WarmUp = new(() => Task.Run(() =>
    {
        _ = (ChartFonts.Plain, ChartFonts.Warning);
        HeatmapChart.Write(null, "Themes per document", ["a", "b"], ["theme a", "theme b"], new double[,] { { 0, 1.5 }, { 2.5, 0 } }, RateLabel, "theme");
        BarChart.Write(null, "Theme profile", ["theme a", "theme b"], [("all", [1.5, 2.5])], RateLabel);
    }));

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

        var longest = new LongestItems<T>(count, tokens);
        foreach (var item in items)
        {
            longest.Add(item);
        }

        return longest.Items;
    }

    /// <summary>A document id as a chart label: the file name without its extension.</summary>
    public static string Label(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var name = id.Contains('#', StringComparison.Ordinal) ? id : Path.GetFileNameWithoutExtension(id);
        return string.IsNullOrEmpty(name) ? id : name;
    }
}
