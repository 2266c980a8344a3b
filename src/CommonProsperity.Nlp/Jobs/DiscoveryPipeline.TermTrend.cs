using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>Term trends (<c>trend --terms</c>): search terms counted per year or month.</summary>
public sealed partial class DiscoveryPipeline
{
    /// <summary>
    /// Each search term's hits, documents mentioning it, rates and first and last appearance per year or
    /// month, from the documents' dates: <c>term_trend.csv</c> and its chart. The pipeline's lexicon must
    /// be one of search terms (<see cref="SearchTerms.Of"/>), each term a theme of its own, so that each is
    /// counted apart by the counting rules.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion, charts.</param>
    /// <param name="period">Year or month.</param>
    /// <param name="chart">The chart's scale (its themes do not apply: every term is drawn).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="InvalidOperationException">The pipeline's lexicon is not one of search terms.</exception>
    /// <exception cref="OptionsException">No document has a usable date.</exception>
    public DiscoveryResult<TermTrendResult> RunTermTrend(DiscoveryOptions options, TrendPeriod period, TrendChartOptions chart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        if (_lexicon.Source != SearchTerms.Source)
        {
            throw new InvalidOperationException($"Term trends count search terms, not the lexicon {_lexicon.Source}: make the pipeline with SearchTerms.Of(terms).");
        }

        KeyValuePair<string, string?>[] settings =
        [
            new("by", period.ToString().ToLowerInvariant()), new("terms", string.Join(";", _matcher.Themes)), new("chart_scale", chart.Relative ? "relative" : "rate"),
        ];
        return Run("trend", options, settings, cancellationToken,
            (corpus, warnings) => TermTrend.Compute(corpus.Summaries(new DocumentAnalyzer(Matcher(options), ChineseWordSegmenter.Words), corpus.Documents, cancellationToken), _matcher.Themes, period, warnings),
            (output, found) => options.Charts ? [TrendCharts.TermTrend(output, period, found.Points, chart)] : [],
            found => [TrendReports.TermTrendTable(period, found.Points)]);
    }
}
