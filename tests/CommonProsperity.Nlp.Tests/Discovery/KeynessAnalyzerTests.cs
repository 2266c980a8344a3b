using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class KeynessAnalyzerTests
{
    // Content words (stop words "the", "of", "and" left out): A = charity ×4, donation, tax (6 words);
    // B = tax ×5, income ×2, charity (8 words).
    private static readonly DocumentGroup[] Toy =
    [
        new("A", [TestDocuments.Make("a1", "The charity of charity and charity."), TestDocuments.Make("a2", "Charity, donation, tax.")]),
        new("B", [TestDocuments.Make("b1", "Tax and tax and the tax; income tax."), TestDocuments.Make("b2", "Tax, income, charity.")]),
    ];

    private static KeynessResult CompareToy() =>
        new KeynessAnalyzer(WordExtractor.Default).Compare(Toy, new KeynessOptions(Top: 10, MinCount: 1, MaxP: 1));

    [Fact]
    public void Compare_ToyCorpus_CountsContentWordsPerGroup()
    {
        var result = CompareToy();

        Assert.Equal([6L, 8L], result.Groups.Select(g => g.Words));
        var charity = result.Terms.Single(t => t.Group == "A" && t.Term == "charity");
        Assert.Equal((4L, 1L, 6L, 8L), (charity.Count, charity.ReferenceCount, charity.Words, charity.ReferenceWords));
        Assert.Equal("B", charity.Reference);
        Assert.DoesNotContain(result.Terms, t => t.Term is "the" or "of" or "and");
    }

    [Fact]
    public void Compare_ToyCorpus_ScoresMatchHandComputedValues()
    {
        var result = CompareToy();

        // Python: a=4, b=1, c=6, d=8 -> G2 2.89359022359, p 0.0889325433676, LR 2.41503749928, chi2 4.38148148148, p 0.0363314061819
        var charity = result.Terms.Single(t => t.Group == "A" && t.Term == "charity").Score;
        Assert.Equal(2.89359022359, charity.G2, 1e-9);
        Assert.Equal(0.0889325433676, charity.G2P, 1e-10);
        Assert.Equal(2.41503749928, charity.LogRatio, 1e-9);
        Assert.Equal(4.38148148148, charity.Chi2, 1e-9);
        Assert.Equal(0.0363314061819, charity.Chi2P, 1e-10);

        // a=1, b=5 (tax in A against B): G2 1.88401909373, LR -1.90689059561 -> under-represented in A.
        var tax = result.Terms.Single(t => t.Group == "A" && t.Term == "tax");
        Assert.Equal("under", tax.Direction);
        Assert.Equal(1.88401909373, tax.Score.G2, 1e-9);
        Assert.Equal(-1.90689059561, tax.Score.LogRatio, 1e-9);

        // a=0, b=2 (income in A): zero taken as 0.5 in the log ratio: LR -1.58496250072, G2 2.23846315174.
        var income = result.Terms.Single(t => t.Group == "A" && t.Term == "income");
        Assert.Equal(-1.58496250072, income.Score.LogRatio, 1e-9);
        Assert.Equal(2.23846315174, income.Score.G2, 1e-9);
    }

    [Fact]
    public void Compare_TwoGroups_OverListsAreRankedByG2AndMirrorEachOther()
    {
        var result = CompareToy();

        var overA = result.Terms.Where(t => t.Group == "A" && t.Direction == "over").ToList();
        Assert.Equal("charity", overA[0].Term);
        Assert.Equal(Enumerable.Range(1, overA.Count), overA.Select(t => t.Rank));
        Assert.True(overA.Zip(overA.Skip(1)).All(p => p.First.Score.G2 >= p.Second.Score.G2));
        Assert.Equal(
            result.Terms.Where(t => t.Group == "A" && t.Direction == "under").Select(t => t.Term).Order(StringComparer.Ordinal),
            result.Terms.Where(t => t.Group == "B" && t.Direction == "over").Select(t => t.Term).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Compare_DefaultThresholds_LeaveOutRareAndInsignificantWords()
    {
        var result = new KeynessAnalyzer(WordExtractor.Default).Compare(Toy, new KeynessOptions());

        Assert.Empty(result.Terms); // nothing reaches 5 occurrences and p < 0.05 in so small a corpus
    }

    [Fact]
    public void Compare_ChineseText_CountsSegmentedWords()
    {
        DocumentGroup[] groups =
        [
            new("zh1", [TestDocuments.Make("z1", "发展慈善事业。鼓励慈善捐赠。慈善组织依法登记。")]),
            new("zh2", [TestDocuments.Make("z2", "推进乡村振兴。乡村产业发展。乡村治理。")]),
        ];

        var result = new KeynessAnalyzer(WordExtractor.Default).Compare(groups, new KeynessOptions(MinCount: 1, MaxP: 1));

        var over = result.Terms.Where(t => t.Group == "zh2" && t.Direction == "over").Select(t => t.Term).ToList();
        Assert.Equal("乡村", over[0]);
        Assert.All(result.Terms, t => Assert.Equal("zh", t.Language));
    }
}
