using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>trend --terms</c>: search terms counted per year or month, each on its own by the counting rules
/// (a lexicon of search terms, <see cref="SearchTerms.Of"/>, each term a theme of its own).
/// </summary>
public sealed class TermTrendJob
{
    private readonly DiscoveryRun _run;

    /// <summary>A job that follows <paramref name="terms"/>.</summary>
    /// <exception cref="OptionsException">No term is given, or a term cannot match.</exception>
    public TermTrendJob(IReadOnlyList<string> terms) => _run = new DiscoveryRun(SearchTerms.Of(terms));

    /// <summary>
    /// Each term's hits, documents mentioning it, rates and first and last appearance per year or month,
    /// from the documents' dates: <c>term_trend.csv</c> and its chart.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion, charts.</param>
    /// <param name="period">Years or months.</param>
    /// <param name="chart">The chart's scale (its themes do not apply: every term is drawn).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OptionsException">No document has a usable date.</exception>
    public DiscoveryResult<TermTrendResult> Run(DiscoveryOptions options, TrendPeriod period, TrendChartOptions chart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        KeyValuePair<string, string?>[] settings =
        [
            new("by", period.ToString().ToLowerInvariant()), new("terms", string.Join(";", _run.Themes)), new(TrendChartOptions.ScaleKey, chart.ScaleName),
        ];
        return _run.Run("trend", options, settings, cancellationToken,
            (corpus, warnings) => TermTrend.Compute(corpus.Summaries(_run.Analyzer(options), corpus.Documents, cancellationToken), _run.Themes, period, warnings),
            (output, found) => options.Charts ? DiscoveryCharts.TermTrend(output, period, found.Points, chart) : [],
            found => [TrendReports.TermTrendTable(period, found.Points)]);
    }
}
