using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class DefaultLexiconTests
{
    [Fact]
    public void Instance_BuiltInLexicon_LoadsWithCodebookThemesFirst()
    {
        // Act
        var lexicon = DefaultLexicon.Instance;

        // Assert
        Assert.Equal("built-in", lexicon.Source);
        Assert.NotEmpty(lexicon.Terms);
        var codebookThemes = lexicon.Themes.Where(t => Codebook.OrderOf(t) != int.MaxValue).ToArray();
        Assert.Equal(lexicon.Themes.Take(codebookThemes.Length), codebookThemes);
        Assert.Equal(codebookThemes.OrderBy(Codebook.OrderOf), codebookThemes);
    }

    [Fact]
    public void ReadText_BuiltInLexicon_StartsWithTheCsvHeader()
    {
        Assert.StartsWith("theme,term", DefaultLexicon.ReadText().TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    private static readonly LexiconMatcher BuiltIn = new(DefaultLexicon.Instance);

    /// <summary>The theme ids of the built-in lexicon's hits on <paramref name="text"/>, with the matched text.</summary>
    private static (string Theme, string Match)[] Hits(string text) =>
        [.. BuiltIn.Match(text).Select(h => (BuiltIn.Themes[h.Theme], text[h.Start..h.End]))];

    // Issue 10: false positives of the built-in lexicon on outside texts. The sentences are the project's own.
    [Theory]
    [InlineData("国家自主创新示范区和现代农业示范区建设加快推进，全域旅游示范区也在增加。", "common_prosperity")]
    [InlineData("The city opened an innovation demonstration zone and an agricultural demonstration zone.", "common_prosperity")]
    [InlineData("我国作为安理会常任理事国，积极参与国际事务。", "philanthropy")]
    [InlineData("国务院向国有重点大型企业派出监事会，完善国有企业监事会制度。", "philanthropy")]
    [InlineData("各级党组织要营造风清气正的政治生态。", "environment")]
    [InlineData("The Asia Society hosted the panel in New York.", "international")]
    [InlineData("The Asia Society’s new report.", "international")]
    public void Match_IssueFalsePositives_AreNotCountedForTheTheme(string text, string theme)
    {
        Assert.DoesNotContain(Hits(text), h => h.Theme == theme);
    }

    [Theory]
    [InlineData("今年要严格控制投资规模。")]
    [InlineData("完善宏观调控制度。")]
    [InlineData("落实能耗双控制度。")]
    public void Match_KongzhiForBudgetsAndQuotas_IsNotCountedAsControl(string text)
    {
        Assert.DoesNotContain(Hits(text), h => h.Theme == "control" && h.Match.Contains('控'));
    }

    // The codebook's rule of thumb: "control over the use of funds" is control; "quality control" is not.
    [Fact]
    public void Match_CodebookControlExamples_CountControlOverFundsButNotQualityControl()
    {
        Assert.Contains(Hits("The bureau keeps control over the use of funds."), h => h.Theme == "control");
        Assert.DoesNotContain(Hits("The factory improved its quality control."), h => h.Theme == "control");
    }

    [Theory]
    [InlineData("基金会设理事会，理事任期五年，并设监事。", "philanthropy", "理事")]
    [InlineData("基金会的监事会负责监督理事会。", "philanthropy", "监事")]
    [InlineData("加强湿地生态保护。", "environment", "生态")]
    [InlineData("Asian economies and the Asia-Pacific region.", "international", "Asia")]
    [InlineData("支持浙江高质量发展建设共同富裕示范区。", "common_prosperity", "共同富裕")]
    public void Match_SameTermsInTheirOwnSense_StillCount(string text, string theme, string match)
    {
        Assert.Contains(Hits(text), h => h.Theme == theme && h.Match.StartsWith(match, StringComparison.Ordinal));
    }

    [Fact]
    public void Instance_BuiltInLexicon_HasExclusionsThatContainTheirTerms()
    {
        // The loader rejects an exclusion without its term; this checks the built-in one uses the column at all.
        Assert.Contains(DefaultLexicon.Instance.Terms, t => t.Term == "生态" && t.Exclusions.Contains("政治生态"));
        Assert.Contains(DefaultLexicon.Instance.Terms, t => t.Term == "asia*" && t.Exclusions.Contains("asia societ*"));
    }
}
