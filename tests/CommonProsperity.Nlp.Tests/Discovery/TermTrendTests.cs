using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class TermTrendTests
{
    private static readonly DocumentSummary[] Documents =
    [
        Summary("late", "2021-11-02", 1000, 3, 0),
        Summary("early", "2021-03-05", 2000, 1, 1),
        Summary("undated", null, 500, 9, 9),
        Summary("also-early", "2021-03-05", 1000, 2, 0),
        Summary("after-gap", "2023", 500, 1, 0),
    ];

    [Fact]
    public void Compute_PerPeriod_CountsHitsDocumentsAndFirstAndLastAppearance()
    {
        var warnings = new List<string>();

        var found = TermTrend.Compute(Documents, ["共同富裕", "小康"], TrendPeriod.Year, warnings);

        Assert.Equal(["2021|共同富裕", "2021|小康", "2023|共同富裕", "2023|小康"], found.Points.Select(p => $"{p.Period}|{p.Term}"));
        var year = found.Points[0];
        Assert.Equal((3, 3, 6L, 4000L), (year.Tally.Documents, year.Tally.DocumentsWithTheme, year.Tally.Hits, year.Tally.Words));
        Assert.Equal(1.5, year.Tally.Per1000Words, 1e-12);
        // The earliest date mentioning it; of two documents on that date, the first read.
        Assert.Equal(new TermAppearance("early", "2021-03-05"), year.First);
        Assert.Equal(new TermAppearance("late", "2021-11-02"), year.Last);
        Assert.Equal(new TermAppearance("early", "2021-03-05"), found.Points[1].First);
        Assert.Null(found.Points[3].First);
        Assert.Null(found.Points[3].Last);
        Assert.Contains(warnings, w => w.Contains("1 of 5 document(s) have no date", StringComparison.Ordinal) && w.Contains("undated", StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_OverAllPeriods_GivesEachTermsTotalsAndSpan()
    {
        var found = TermTrend.Compute(Documents, ["共同富裕", "小康"], TrendPeriod.Year, []);

        Assert.Equal(new TermSpan("共同富裕", 7, 4, new TermAppearance("early", "2021-03-05"), new TermAppearance("after-gap", "2023")), found.Terms[0]);
        Assert.Equal(new TermSpan("小康", 1, 1, new TermAppearance("early", "2021-03-05"), new TermAppearance("early", "2021-03-05")), found.Terms[1]);
    }

    [Fact]
    public void Compute_TermNeverSeen_HasNoSpan()
    {
        var found = TermTrend.Compute([Summary("quiet", "2021-03-05", 100, 0, 0)], ["共同富裕"], TrendPeriod.Month, []);

        Assert.Equal("2021-03", Assert.Single(found.Points).Period);
        Assert.Equal(new TermSpan("共同富裕", 0, 0, null, null), Assert.Single(found.Terms));
    }

    private static DocumentSummary Summary(string id, string? date, int words, int first, int second) =>
        new(id, DocumentMetadata.Empty with { Date = date }, Numbers(words * 2, words, 10), [new ThemeTally(first, first), new ThemeTally(second, second)]);

    private static DocumentNumberValues Numbers(long tokens, long words, long sentences) =>
        DocumentNumberValues.Of(new Dictionary<string, long> { ["tokens"] = tokens, ["words"] = words, ["sentences"] = sentences });
}
