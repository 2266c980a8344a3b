using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The charts of the discovery jobs, drawn from what they computed (a topic model, a comparison's key
/// words and theme tallies, a trend's tallies): <c>topics</c>' document × topic heatmap, <c>compare</c>'s
/// keyness and theme bars, <c>trend</c>'s lines. Each method stages its charts and returns their names.
/// </summary>
internal static class DiscoveryCharts
{
    /// <summary>The key words drawn on each side of a keyness chart.</summary>
    private const int KeynessBars = 15;

    /// <summary>The share of each topic in each document (the longest documents when there are many).</summary>
    public static IReadOnlyList<string> Topics(OutputDirectory output, TopicModel model, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(model);
        var shown = AnalysisCharts.Longest(model.Documents, d => d.Words, AnalysisCharts.MaxHeatmapRows);
        var values = new double[shown.Count, model.Topics.Count];
        for (var d = 0; d < shown.Count; d++)
        {
            for (var t = 0; t < model.Topics.Count; t++)
            {
                values[d, t] = shown[d].Shares[t];
            }
        }

        var which = shown.Count < model.Documents.Count ? $"the {shown.Count} longest of {model.Documents.Count} documents, " : "";
        HeatmapChart.Write(output.Stage(ReportFiles.DocumentTopicsChart), $"Topics per document ({which}{model.Topics.Count} topics, seed {seed})",
            shown.Select(d => AnalysisCharts.Label(d.Id)).ToList(),
            model.Topics.Select(t => $"{t.Number}: {t.Label(3).Replace(" · ", " ", StringComparison.Ordinal)}").ToList(),
            values, "share of the document's words", "topic (number: top words)", "0.00");
        return [ReportFiles.DocumentTopicsChart];
    }

    /// <summary>
    /// The key words of two groups (one chart), or of each group against the rest (one chart per group), and
    /// the themes' rates per group (bars).
    /// </summary>
    /// <param name="output">Where the charts are staged.</param>
    /// <param name="by">What the groups are (a field name, or <c>inputs</c>).</param>
    /// <param name="keyness">The key words of each group.</param>
    /// <param name="rates">Each theme's tally in each group.</param>
    /// <param name="themes">The themes, in the lexicon's order.</param>
    public static IReadOnlyList<string> Compare(OutputDirectory output, string by, KeynessResult keyness, IReadOnlyList<ThemeGroupComparison> rates, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(keyness);
        ArgumentNullException.ThrowIfNull(rates);
        var names = new List<string>();
        var groups = keyness.Groups.Select(g => g.Name).ToList();
        static (string, double) Bar(KeyTerm t) => (t.Term, t.Score.G2);
        if (groups.Count == 2)
        {
            var terms = keyness.Terms.Where(t => t.Group == groups[0]).ToList();
            KeynessChart.Write(output.Stage(ReportFiles.KeynessChart(null)), $"Key words: {groups[0]} vs {groups[1]}",
                terms.Where(t => t.Direction == "over").Take(KeynessBars).Select(Bar).ToList(),
                terms.Where(t => t.Direction == "under").Take(KeynessBars).Select(Bar).ToList(),
                $"more in {groups[0]}", $"more in {groups[1]}");
            names.Add(ReportFiles.KeynessChart(null));
        }
        else
        {
            foreach (var group in groups)
            {
                var terms = keyness.Terms.Where(t => t.Group == group).ToList();
                KeynessChart.Write(output.Stage(ReportFiles.KeynessChart(group)), $"Key words: {group} vs the rest",
                    terms.Where(t => t.Direction == "over").Take(KeynessBars).Select(Bar).ToList(),
                    terms.Where(t => t.Direction == "under").Take(KeynessBars).Select(Bar).ToList(),
                    $"more in {group}", "more in the rest");
                names.Add(ReportFiles.KeynessChart(group));
            }
        }

        var series = groups.Select(g => (g, (IReadOnlyList<double>)themes.Select(theme => rates.First(r => r.Group == g && r.Theme == theme).Tally.Per1000Words).ToList())).ToList();
        BarChart.Write(output.Stage(ReportFiles.ThemeByGroupChart), $"Themes by {by}", themes, series, AnalysisCharts.RateLabel);
        names.Add(ReportFiles.ThemeByGroupChart);
        return names;
    }

    /// <summary>The themes' rates per period (lines), the themes and scale as <paramref name="chart"/> says.</summary>
    /// <param name="output">Where the chart is staged.</param>
    /// <param name="period">Years or months.</param>
    /// <param name="points">Each theme's tally in each period.</param>
    /// <param name="themes">The lexicon's themes, in order (the first one's tallies give the documents per period).</param>
    /// <param name="chart">The themes drawn and the scale.</param>
    public static IReadOnlyList<string> Trend(OutputDirectory output, TrendPeriod period, IReadOnlyList<ThemeTrendPoint> points, IReadOnlyList<string> themes, TrendChartOptions chart)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(chart);
        var periods = points.Select(p => p.Period).Distinct(StringComparer.Ordinal).ToList();
        var lines = chart.Drawn(themes).Select(theme => (theme, (IReadOnlyList<double>)periods.Select(p => points.First(x => x.Period == p && x.Theme == theme).Tally.Per1000Words).ToList())).ToList();
        LineChart.Write(output.Stage(ReportFiles.ThemeTrendChart), $"Themes by {period.ToString().ToLowerInvariant()} ({points.Where(p => p.Theme == themes[0]).Sum(p => p.Tally.Documents)} documents)",
            periods, lines, AnalysisCharts.RateLabel, chart.Relative);
        return [ReportFiles.ThemeTrendChart];
    }

    /// <summary>Each search term's rate per period (lines), on the scale <paramref name="chart"/> says.</summary>
    /// <param name="output">Where the chart is staged.</param>
    /// <param name="period">Years or months.</param>
    /// <param name="points">Each term's tally in each period, terms in the order given.</param>
    /// <param name="chart">The scale (every term is drawn).</param>
    public static IReadOnlyList<string> TermTrend(OutputDirectory output, TrendPeriod period, IReadOnlyList<TermTrendPoint> points, TrendChartOptions chart)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(chart);
        var periods = points.Select(p => p.Period).Distinct(StringComparer.Ordinal).ToList();
        var terms = points.Select(p => p.Term).Distinct(StringComparer.Ordinal).ToList();
        var rates = points.ToDictionary(p => (p.Period, p.Term), p => p.Tally.Per1000Words);
        var lines = terms.Select(term => (term, (IReadOnlyList<double>)[.. periods.Select(p => rates[(p, term)])])).ToList();
        LineChart.Write(output.Stage(ReportFiles.TermTrendChart), $"Terms by {period.ToString().ToLowerInvariant()} ({points.Where(p => p.Term == terms[0]).Sum(p => p.Tally.Documents)} documents)",
            periods, lines, AnalysisCharts.RateLabel, chart.Relative, "term");
        return [ReportFiles.TermTrendChart];
    }
}
