using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class ThemeTrendTests
{
    private static readonly DocumentSummary[] Documents =
    [
        Summary("a", "2021-06-10", 1000, 4),
        Summary("b", "2021-11", 3000, 2),
        Summary("c", "2023", 500, 5),
        Summary("d", null, 800, 8),
    ];

    [Fact]
    public void Compute_ByYear_PoolsDocumentsOfTheSameYear()
    {
        var warnings = new List<string>();

        var points = ThemeTrend.Compute(Documents, ["inequality"], TrendPeriod.Year, warnings);

        Assert.Equal(["2021", "2023"], points.Select(p => p.Period));
        Assert.Equal(2, points[0].Tally.Documents);
        Assert.Equal(6L, points[0].Tally.Hits);
        Assert.Equal(1.5, points[0].Tally.Per1000, 1e-12);                 // 6 / 4000 tokens
        Assert.Equal((4.0 + 2.0 / 3) / 2, points[0].Tally.MeanDocumentPer1000, 1e-12);
        Assert.Equal(10.0, points[1].Tally.Per1000, 1e-12);
        Assert.Contains(warnings, w => w.Contains("1 of 4 document(s) have no date", StringComparison.Ordinal) && w.Contains('d'));
    }

    [Fact]
    public void Compute_ByMonth_LeavesOutDocumentsDatedByYearOnly()
    {
        var warnings = new List<string>();

        var points = ThemeTrend.Compute(Documents, ["inequality"], TrendPeriod.Month, warnings);

        Assert.Equal(["2021-06", "2021-11"], points.Select(p => p.Period));
        Assert.Contains(warnings, w => w.Contains("2 of 4 document(s) have no month", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_NoDates_ThrowsNamingTheFix()
    {
        var error = Assert.Throws<OptionsException>(() => ThemeTrend.Compute([Documents[3]], ["inequality"], TrendPeriod.Year, []));

        Assert.Contains("none of the 1 document(s) has a date", error.Message, StringComparison.Ordinal);
        Assert.Contains("sources.csv", error.Message, StringComparison.Ordinal);
    }

    private static DocumentSummary Summary(string id, string? date, int tokens, int hits) =>
        new(id, DocumentMetadata.Empty with { Date = date }, Numbers(tokens, tokens, 10), [new ThemeTally(hits, 1)]);

    private static DocumentNumberValues Numbers(long tokens, long words, long sentences) =>
        DocumentNumberValues.Of(new Dictionary<string, long> { ["tokens"] = tokens, ["words"] = words, ["sentences"] = sentences });
}
