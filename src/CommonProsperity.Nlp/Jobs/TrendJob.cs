using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>trend</c>: theme rates per year or month, from the documents' dates.</summary>
/// <param name="lexicon">The lexicon whose themes are counted.</param>
public sealed class TrendJob(Lexicon lexicon)
{
    private readonly DiscoveryRun _run = new(lexicon);

    /// <summary>Theme rates per year or month from the documents' dates: <c>theme_trend.csv</c> and its chart.</summary>
    public DiscoveryResult<IReadOnlyList<ThemeTrendPoint>> Run(DiscoveryOptions options, TrendPeriod period, CancellationToken cancellationToken = default) =>
        Run(options, period, new TrendChartOptions(), cancellationToken);

    /// <summary>Theme rates per year or month, with the chart drawn as <paramref name="chart"/> says: <c>theme_trend.csv</c> (every theme) and its chart.</summary>
    /// <param name="options">Inputs, output folder, ingestion, charts.</param>
    /// <param name="period">Years or months.</param>
    /// <param name="chart">The themes the chart draws and its scale.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DiscoveryResult<IReadOnlyList<ThemeTrendPoint>> Run(DiscoveryOptions options, TrendPeriod period, TrendChartOptions chart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        chart.Validate(_run.Themes);
        KeyValuePair<string, string?>[] settings =
        [
            new("by", period.ToString().ToLowerInvariant()), new(TrendChartOptions.ThemesKey, chart.Themes is { Count: > 0 } ? string.Join(";", chart.Themes) : null),
            new(TrendChartOptions.ScaleKey, chart.ScaleName),
        ];
        return _run.Run("trend", options, settings, cancellationToken,
            (corpus, warnings) => ThemeTrend.Compute(corpus.Summaries(_run.Analyzer(options), corpus.Documents, cancellationToken), _run.Themes, period, warnings),
            (output, points) => options.Charts ? DiscoveryCharts.Trend(output, period, points, _run.Themes, chart) : [],
            points => [DiscoveryReports.ThemeTrend(period, points)]);
    }
}
