using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Counting;

/// <summary>Counting rule 7: a term's exclusions veto its matches inside longer expressions.</summary>
public sealed class LexiconMatcherExclusionTests
{
    /// <summary>A hit or a veto as a reader checks it: theme id, the term as written, and the matched text.</summary>
    private readonly record struct Found(string Theme, string Term, string Text);

    private static LexiconMatcher Matcher(params string[] rows) =>
        new(LexiconLoader.FromCsvText("theme,term,exclude\n" + string.Join('\n', rows) + "\n", "test.csv"));

    private static (Found[] Hits, Found[] Vetoes, LexiconVeto[] Raw) Run(LexiconMatcher matcher, string text)
    {
        var vetoes = new List<LexiconVeto>();
        var hits = matcher.Match(text, vetoes);
        Found Describe(int theme, int term, int start, int end) => new(matcher.Themes[theme], matcher.Lexicon.Terms[term].Term, text[start..end]);
        return ([.. hits.Select(h => Describe(h.Theme, h.Term, h.Start, h.End))], [.. vetoes.Select(v => Describe(v.Theme, v.Term, v.Start, v.End))], [.. vetoes]);
    }

    [Fact]
    public void Match_ChineseTermInsideItsExclusion_IsVetoedAndReported()
    {
        // Arrange
        var matcher = Matcher("environment,生态,政治生态");

        // Act
        var (hits, vetoes, raw) = Run(matcher, "要净化党内政治生态，也要保护湿地生态。");

        // Assert
        Assert.Equal([new Found("environment", "生态", "生态")], hits);
        Assert.Equal([new Found("environment", "生态", "生态")], vetoes);
        Assert.Equal(0, raw[0].Exclusion);
        Assert.Equal(7, raw[0].Start);
    }

    [Fact]
    public void Match_ExclusionLongerOnBothSides_VetoesOnlyWhereTheWholeExpressionStands()
    {
        // Arrange: 理事国 contains 理事 with one character after it; 常任理事国 with two before as well.
        var matcher = Matcher("philanthropy,理事,常任理事国");

        // Act
        var (hits, vetoes, _) = Run(matcher, "中国是安理会常任理事国。基金会设理事会，理事国以外的理事也来了。");

        // Assert: vetoed in 常任理事国 only; 理事会, 理事国 alone and 理事 count.
        Assert.Equal(3, hits.Length);
        Assert.Single(vetoes);
    }

    [Fact]
    public void Match_EnglishPrefixTermFollowedByExcludedWord_IsVetoed()
    {
        // Arrange
        var matcher = Matcher("international,asia*,asia society");

        // Act
        var (hits, vetoes, _) = Run(matcher, "A report by the Asia Society on Asian trade and Asia-Pacific ties.");

        // Assert
        Assert.Equal([new Found("international", "asia*", "Asian"), new Found("international", "asia*", "Asia")], hits);
        Assert.Equal([new Found("international", "asia*", "Asia")], vetoes);
    }

    [Theory]
    [InlineData("civil", "military-civil", "military-\n  civil fusion", "civil")]                         // the compound reading
    [InlineData("militarycivil", "militarycivil fusion", "military-\n  civil fusion", "military-\n  civil")] // the joined reading
    [InlineData("civil", "military-civil", "Military-\nCivil fusion", "Civil")]
    [InlineData("fusion", "militarycivil fusion", "Military-\nCivil fusion", "fusion")]                   // the joined reading of a compound not joined
    public void Match_ExclusionAcrossLineEndHyphen_VetoesInEitherReading(string term, string exclude, string text, string vetoed)
    {
        // Arrange
        var matcher = Matcher($"defence,{term},{exclude}");

        // Act
        var (hits, vetoes, _) = Run(matcher, text);

        // Assert
        Assert.Empty(hits);
        Assert.Equal([new Found("defence", term, vetoed)], vetoes);
    }

    [Theory]
    [InlineData("the Asia\nSociety")]
    [InlineData("the ASIA-society")]
    [InlineData("the asia \u00A0society report")]
    public void Match_ExclusionAcrossWhitespaceOrHyphen_StillVetoes(string text)
    {
        var (hits, vetoes, _) = Run(Matcher("international,asia*,asia society"), text);

        Assert.Empty(hits);
        Assert.Single(vetoes);
    }

    [Theory]
    [InlineData("Asia, society and the state")]
    [InlineData("Asia societies")]
    public void Match_ExclusionBrokenByPunctuationOrAnotherWord_DoesNotVeto(string text)
    {
        var (hits, vetoes, _) = Run(Matcher("international,asia*,asia society"), text);

        Assert.Single(hits);
        Assert.Empty(vetoes);
    }

    [Fact]
    public void Match_StarredExclusion_VetoesEveryWordItsStemStarts()
    {
        var (hits, vetoes, _) = Run(Matcher("international,asia*,asia societ*"), "Asia Society and Asia Societies");

        Assert.Empty(hits);
        Assert.Equal(2, vetoes.Length);
    }

    [Fact]
    public void Match_SeveralExclusions_TheFirstThatCoversTheMatchIsReported()
    {
        // Arrange
        var matcher = Matcher("control,控制,调控制度|双控制度");

        // Act
        var (hits, _, raw) = Run(matcher, "完善宏观调控制度，实行能耗双控制度，严格控制投资规模。");

        // Assert
        Assert.Equal([new Found("control", "控制", "控制")], hits);
        Assert.Equal([0, 1], raw.Select(v => v.Exclusion));
    }

    [Fact]
    public void Match_VetoedLongerTerm_LeavesItsTokensToAShorterTermOfTheSameTheme()
    {
        // Arrange: "party committee" is vetoed inside "party committee of the zoo"; "party" still counts there.
        var matcher = Matcher("control,party committee,party committee of the zoo", "control,party,", "control,committee,");

        // Act
        var (hits, vetoes, _) = Run(matcher, "the party committee of the zoo met; the party committee decided");

        // Assert
        Assert.Equal(
            [
                new Found("control", "party", "party"),
                new Found("control", "committee", "committee"),
                new Found("control", "party committee", "party committee"),
            ],
            hits);
        Assert.Equal([new Found("control", "party committee", "party committee")], vetoes);
    }

    [Fact]
    public void Match_VetoedTermWhereAnEqualLengthTermCounts_IsNotReportedAsVetoed()
    {
        // Arrange: the exact "asian" wins the word anyway (rule 5), so the veto of "asia*" removes nothing there.
        var matcher = Matcher("international,asia*,asian studies", "international,asian,");

        // Act
        var (hits, vetoes, _) = Run(matcher, "asian studies");

        // Assert
        Assert.Equal([new Found("international", "asian", "asian")], hits);
        Assert.Empty(vetoes);
    }

    [Fact]
    public void Match_VetoInOneTheme_LeavesTheSameTermInAnotherThemeCounted()
    {
        // Arrange
        var matcher = Matcher("environment,生态,政治生态", "control,政治生态,");

        // Act
        var (hits, vetoes, _) = Run(matcher, "政治生态");

        // Assert
        Assert.Equal([new Found("control", "政治生态", "政治生态")], hits);
        Assert.Equal([new Found("environment", "生态", "生态")], vetoes);
    }

    [Fact]
    public void Match_VetoedMatch_UsesNoTokensSoALaterMatchOfTheThemeCanStartInside()
    {
        // Arrange: "wealth gap" is vetoed in "wealth gap index"; "gap index" then counts from the second word.
        var matcher = Matcher("inequality,wealth gap,wealth gap index", "inequality,gap index,");

        // Act
        var (hits, vetoes, _) = Run(matcher, "the wealth gap index");

        // Assert
        Assert.Equal([new Found("inequality", "gap index", "gap index")], hits);
        Assert.Equal([new Found("inequality", "wealth gap", "wealth gap")], vetoes);
    }

    [Fact]
    public void Match_WithoutVetoList_GivesTheSameHits()
    {
        var matcher = Matcher("environment,生态,政治生态");

        Assert.Equal(matcher.Match("政治生态与生态文明", []), matcher.Match("政治生态与生态文明"));
    }

    [Fact]
    public void Match_ScratchReusedForAnotherText_ReportsNoVetoFromTheTextBefore()
    {
        // Arrange: the same scratch, as analyze reuses it per thread; a veto at token 2, then a text with none.
        var matcher = Matcher("environment,生态,政治生态", "environment,政治,");
        var scratch = new MatchScratch();
        var hits = new List<LexiconHit>();
        var vetoes = new List<LexiconVeto>();
        CountingTokenizer.Instance.Tokenize("政治生态", scratch.Tokens);
        matcher.Match(scratch, hits, vetoes);
        Assert.Single(vetoes);

        // Act
        hits.Clear();
        vetoes.Clear();
        CountingTokenizer.Instance.Tokenize("政治生生", scratch.Tokens);
        matcher.Match(scratch, hits, vetoes);

        // Assert
        Assert.Empty(vetoes);
        Assert.Single(hits);
    }

    [Fact]
    public void HasExclusions_LexiconWithoutExcludeColumn_IsFalse()
    {
        Assert.False(new LexiconMatcher(LexiconLoader.FromCsvText("theme,term\nenvironment,生态\n", "t.csv")).HasExclusions);
        Assert.True(Matcher("environment,生态,政治生态").HasExclusions);
    }
}
