using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The line charts of rates over time: themes (<c>trend</c>, <c>analyze</c>) and search terms
/// (<c>trend --terms</c>), drawn as <see cref="TrendChartOptions"/> says (which themes, which scale),
/// rates per 1,000 words, lines broken at missing periods.
/// </summary>
internal static class TrendCharts
{
    /// <summary>Stages <c>chart_theme_trend.png</c>: the themes of <paramref name="chart"/> per period of <paramref name="points"/>.</summary>
    public static string ThemeTrend(OutputDirectory output, TrendPeriod period, IReadOnlyList<ThemeTrendPoint> points, IReadOnlyList<string> themes, TrendChartOptions chart)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(points);
        var periods = points.Select(p => p.Period).Distinct(StringComparer.Ordinal).ToList();
        var rates = points.ToDictionary(p => (p.Period, p.Theme), p => p.Tally.Per1000Words);
        var documents = points.Where(p => p.Theme == themes[0]).Sum(p => p.Tally.Documents);
        return Lines(output.Stage(ReportFiles.ThemeTrendChart), ReportFiles.ThemeTrendChart, $"Themes by {Name(period)} ({documents} documents)", periods,
            chart.Drawn(themes), (theme, p) => rates[(p, theme)], chart.Relative, "theme");
    }

    /// <summary>Stages <c>chart_term_trend.png</c>: every term's rate per period of <paramref name="points"/>.</summary>
    public static string TermTrend(OutputDirectory output, TrendPeriod period, IReadOnlyList<TermTrendPoint> points, TrendChartOptions chart)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(chart);
        var periods = points.Select(p => p.Period).Distinct(StringComparer.Ordinal).ToList();
        var terms = points.Select(p => p.Term).Distinct(StringComparer.Ordinal).ToList();
        var rates = points.ToDictionary(p => (p.Period, p.Term), p => p.Tally.Per1000Words);
        var documents = points.Where(p => p.Term == terms[0]).Sum(p => p.Tally.Documents);
        return Lines(output.Stage(ReportFiles.TermTrendChart), ReportFiles.TermTrendChart, $"Terms by {Name(period)} ({documents} documents)", periods,
            terms, (term, p) => rates[(p, term)], chart.Relative, "term");
    }

    /// <summary>Draws a line per series over <paramref name="periods"/> to <paramref name="path"/>; returns <paramref name="file"/>.</summary>
    internal static string Lines(string path, string file, string title, IReadOnlyList<string> periods, IReadOnlyList<string> series, Func<string, string, double> rate, bool relative, string seriesNoun)
    {
        LineChart.Write(path, title, periods, [.. series.Select(s => (s, (IReadOnlyList<double>)[.. periods.Select(p => rate(s, p))]))], AnalysisCharts.RateLabel, relative, seriesNoun);
        return file;
    }

    private static string Name(TrendPeriod period) => period.ToString().ToLowerInvariant();
}
