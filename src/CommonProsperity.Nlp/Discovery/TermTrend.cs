using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Search terms over time (<c>trend --terms</c>): per period and term, the hits, the documents mentioning
/// the term, the rates and the period's first and last document that mentions it. The documents are
/// counted with a lexicon of search terms (<see cref="SearchTerms.Of"/>), each term a theme of its own.
/// </summary>
internal static class TermTrend
{
    /// <summary>
    /// The points of every term for each period that has documents, periods in time order (as
    /// <see cref="ThemeTrend.Compute"/>). First and last are by date as written (<c>2021</c> before
    /// <c>2021-03</c> before <c>2021-03-05</c>), then by input order.
    /// </summary>
    /// <param name="documents">The documents' summaries, counted with the search terms' lexicon.</param>
    /// <param name="terms">The terms, in the lexicon's theme order.</param>
    /// <param name="period">Year or month.</param>
    /// <param name="warnings">Where undated documents are reported.</param>
    /// <returns>The points, and each term's totals and first and last appearance over all periods.</returns>
    /// <exception cref="OptionsException">No document has a usable date.</exception>
    public static TermTrendResult Compute(IReadOnlyList<DocumentSummary> documents, IReadOnlyList<string> terms, TrendPeriod period, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var points = new List<TermTrendPoint>();
        foreach (var (key, members) in ThemeTrend.Periods(documents, period, warnings))
        {
            for (var t = 0; t < terms.Count; t++)
            {
                var mentioning = members.Where(d => d.Themes[t].Hits > 0).OrderBy(d => d.Metadata.Date, StringComparer.Ordinal).ToList();
                points.Add(new TermTrendPoint(key, terms[t], ThemeGroupTally.Of(members, t), Appearance(mentioning.FirstOrDefault()), Appearance(mentioning.LastOrDefault())));
            }
        }

        return new TermTrendResult(points, [.. terms.Select(term => Span(term, [.. points.Where(p => p.Term == term)]))]);
    }

    /// <summary>A term over all its periods (in time order): totals, first and last appearance.</summary>
    private static TermSpan Span(string term, IReadOnlyList<TermTrendPoint> points) => new(
        term,
        points.Sum(p => p.Tally.Hits),
        points.Sum(p => p.Tally.DocumentsWithTheme),
        points.Select(p => p.First).Where(a => a is not null).OrderBy(a => a!.Date, StringComparer.Ordinal).FirstOrDefault(),
        points.Select(p => p.Last).Where(a => a is not null).OrderBy(a => a!.Date, StringComparer.Ordinal).LastOrDefault());

    private static TermAppearance? Appearance(DocumentSummary? document) => document is null ? null : new TermAppearance(document.Id, document.Metadata.Date!);
}
