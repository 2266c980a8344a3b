using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting;

public class SearchTermsTests
{
    [Fact]
    public void Of_Terms_AreEachAThemeOfTheirOwn()
    {
        var lexicon = SearchTerms.Of(["共同富裕", "富裕", "inequalit*"]);

        Assert.Equal(["共同富裕", "富裕", "inequalit*"], lexicon.Themes);
        var hits = new LexiconMatcher(lexicon).Match("扎实推动共同富裕, and inequalities.");
        Assert.Equal(["共同富裕", "富裕", "inequalit*"], hits.Select(h => lexicon.Terms[h.Term].Term));
    }

    [Fact]
    public void Of_SameTermTwiceUpToCaseAndSpacing_IsKeptOnce()
    {
        var lexicon = SearchTerms.Of(["Common  prosperity", "common prosperity", " COMMON PROSPERITY "]);

        Assert.Single(lexicon.Terms);
        Assert.Equal("Common  prosperity", lexicon.Terms[0].Term);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("，。", "has no letters, digits or Chinese characters")]
    [InlineData("in*equality", "'*' that is not at the end")]
    public void Of_TermThatCannotMatch_SaysWhichAndWhy(string term, string problem)
    {
        var error = Assert.Throws<OptionsException>(() => SearchTerms.Of(["charity", term]));

        Assert.Contains("search term 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Theme_KeepsTheThemesTermsWithTheirExclusions()
    {
        var lexicon = SearchTerms.Theme(DefaultLexicon.Instance, "international");

        Assert.Equal(["international"], lexicon.Themes);
        Assert.All(lexicon.Terms, t => Assert.Equal("international", t.Theme));
        Assert.Equal(DefaultLexicon.Instance.Terms.Count(t => t.Theme == "international"), lexicon.Terms.Count);
        Assert.Empty(new LexiconMatcher(lexicon).Match("the Asia Society")); // vetoed by asia*'s exclusion, as analyze does
    }

    [Fact]
    public void Theme_Unknown_ListsTheLexiconsThemes()
    {
        var error = Assert.Throws<OptionsException>(() => SearchTerms.Theme(LexiconLoader.Load(TestPaths.MiniLexicon), "wealth"));

        Assert.Contains("no theme 'wealth'", error.Message, StringComparison.Ordinal);
        Assert.Contains("inequality, control, philanthropy, common_prosperity", error.Message, StringComparison.Ordinal);
    }
}
