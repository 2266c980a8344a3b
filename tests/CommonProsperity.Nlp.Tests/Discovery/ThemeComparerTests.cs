using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class ThemeComparerTests
{
    [Fact]
    public void TwoByK_ThreeGroups_MatchesHandComputedChiSquare()
    {
        // Python: hits [12, 30, 5] against other tokens [988, 1970, 1495] -> 11.5891271005
        var chi2 = ThemeComparer.TwoByK([12, 30, 5], [988, 1970, 1495]);

        Assert.Equal(11.5891271005, chi2, 1e-9);
    }

    [Fact]
    public void Compare_TwoGroups_GivesRatesAndBothTests()
    {
        IReadOnlyList<DocumentSummary> a = [Summary("a1", 1000, 10), Summary("a2", 1000, 0)];
        IReadOnlyList<DocumentSummary> b = [Summary("b1", 2000, 2)];

        var rows = ThemeComparer.Compare([("A", a), ("B", b)], ["inequality"]);

        Assert.Equal(2, rows.Count);
        var rowA = rows.Single(r => r.Group == "A");
        Assert.Equal((2, 1, 10L, 2000L), (rowA.Tally.Documents, rowA.Tally.DocumentsWithTheme, rowA.Tally.Hits, rowA.Tally.Tokens));
        Assert.Equal(5.0, rowA.Tally.Per1000, 1e-12);
        Assert.Equal((10.0 + 0.0) / 2, rowA.Tally.MeanDocumentPer1000, 1e-12);
        Assert.Equal(1, rowA.DegreesOfFreedom);

        // 2x2 [[10, 1990], [2, 1998]]: the across-groups chi-square equals Pearson's 2x2, and the G2 against the rest is keyness's G2.
        Assert.Equal(KeynessScore.PearsonTwoByTwo(10, 1990, 2, 1998), rowA.Chi2, 1e-10);
        Assert.Equal(KeynessScore.Compute(10, 2, 2000, 2000).G2, rowA.Versus.G2, 1e-10);
        Assert.Equal(rowA.P, rows.Single(r => r.Group == "B").P);
        Assert.True(rowA.Versus.LogRatio > 0);
    }

    private static DocumentSummary Summary(string id, int tokens, int hits) =>
        new(id, DocumentMetadata.Empty, Numbers(tokens, tokens, 10), [new ThemeTally(hits, Math.Min(hits, 10))]);

    private static DocumentNumberValues Numbers(long tokens, long words, long sentences) =>
        DocumentNumberValues.Of(new Dictionary<string, long> { ["tokens"] = tokens, ["words"] = words, ["sentences"] = sentences });
}
