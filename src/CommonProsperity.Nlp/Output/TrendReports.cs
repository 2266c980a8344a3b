using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The columns of the report of <c>trend --terms</c>, declared once: the CSV writer, report.html, the
/// workbook and the column reference of docs/reports.md read them from here.
/// </summary>
internal static class TrendReports
{
    /// <summary><c>term_trend.csv</c>.</summary>
    public static ReportLayout<TermTrendRow> TermTrend { get; } = new(
        ReportFiles.TermTrend,
        "`trend` of search terms: one row per period × term, periods in time order (only periods with documents), terms in the order given.",
        [
            new("period_by", ColumnFormat.Text, "`year` or `month`", r => r.By),
            new("period", ColumnFormat.Text, "the period: `yyyy` or `yyyy-MM`, from the documents' `date`", r => r.Point.Period),
            new("term", ColumnFormat.Text, "the search term, as written", r => r.Point.Term),
            new("documents", ColumnFormat.Integer, "documents in the period", r => r.Point.Tally.Documents),
            new("documents_with_term", ColumnFormat.Integer, "of those, documents mentioning the term", r => r.Point.Tally.DocumentsWithTheme),
            new("hits", ColumnFormat.Integer, "matches of the term over the period's documents ([counting rules](counting-rules.md): Chinese also inside longer words, a trailing `*` for any ending)", r => r.Point.Tally.Hits),
            new("tokens", ColumnFormat.Integer, "tokens over the period's documents", r => r.Point.Tally.Tokens),
            new("per_1000", ColumnFormat.Rate, "`hits / tokens × 1000`", r => r.Point.Tally.Per1000),
            new("words", ColumnFormat.Integer, "words over the period's documents (see `theme_frequency.csv`)", r => r.Point.Tally.Words),
            new("per_1000_words", ColumnFormat.Rate, "`hits / words × 1000`: the rate to compare across languages, and the one charted", r => r.Point.Tally.Per1000Words),
            new("first_date", ColumnFormat.Text, "the date (as written) of the period's earliest document mentioning the term; empty when none does", r => r.Point.First?.Date),
            new("first_document", ColumnFormat.Text, "that document (the first in input order when several share the date)", r => r.Point.First?.Document),
            new("last_date", ColumnFormat.Text, "the date of the period's latest document mentioning the term", r => r.Point.Last?.Date),
            new("last_document", ColumnFormat.Text, "that document (the last in input order when several share the date)", r => r.Point.Last?.Document),
        ]);

    /// <summary>Every report of <c>trend</c> whose columns are declared here.</summary>
    public static IReadOnlyList<IReportLayout> All { get; } = [TermTrend];

    /// <summary>The rows of <c>term_trend.csv</c>.</summary>
    public static ReportTable TermTrendTable(TrendPeriod period, IEnumerable<TermTrendPoint> points) =>
        TermTrend.Table(points.Select(p => new TermTrendRow(period.ToString().ToLowerInvariant(), p)));

    /// <summary>A row of <c>term_trend.csv</c>.</summary>
    public sealed record TermTrendRow(string By, TermTrendPoint Point);
}
