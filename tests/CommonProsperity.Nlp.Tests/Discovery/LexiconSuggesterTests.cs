using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class LexiconSuggesterTests
{
    // A lexicon that knows "charity" for philanthropy and "tax" for inequality, and no more.
    private static LexiconMatcher Matcher(TempDirectory temp) =>
        new(LexiconLoader.Load(temp.Write("lexicon.csv", "theme,term\nphilanthropy,charity\ninequality,tax\n")));

    private static readonly LabeledPassage[] Passages =
    [
        Passage("1", "Private foundations fund rural schools.", "philanthropy"),
        Passage("2", "A private foundation gave grants to charity.", "philanthropy"),
        Passage("3", "Foundations and their donors support hospitals.", "philanthropy"),
        Passage("4", "The foundation of the economy is trade.", "economy"),
        Passage("5", "Charitable trusts and private foundations grew.", "philanthropy"),
        Passage("6", "A new tax on high incomes narrows the income gap.", "inequality"),
        Passage("7", "The income gap between regions widened.", "inequality"),
        Passage("8", "Rural incomes lag; the income gap persists.", "inequality"),
        Passage("9", "基金会开展公益活动。", "philanthropy"),
        Passage("10", "基金会接受捐赠。", "philanthropy"),
        Passage("11", "基金会依法登记。", "philanthropy"),
        Passage("12", "The foundation gave to hospitals.", "philanthropy"),
    ];

    [Fact]
    public void Suggest_TinyLabelSet_FindsTermsWithTheirSupportAndPrecision()
    {
        using var temp = new TempDirectory();

        var suggestions = new LexiconSuggester(Matcher(temp), StopWords.Default).Suggest(Passages, new SuggestOptions(MinSupport: 3, MinPrecision: 0.6));

        var foundations = suggestions.Single(s => s.Theme == "philanthropy" && s.Term == "foundations");
        Assert.Equal((3, 3, 1.0), (foundations.Support, foundations.Passages, foundations.Precision));
        Assert.Equal(3.0 / 8, foundations.RecallShare, 1e-12);
        Assert.Equal(3, foundations.NewPassages); // none of 1, 3, 5 says "charity"
        Assert.Equal("1", foundations.Example);

        var gap = suggestions.Single(s => s.Theme == "inequality" && s.Term == "income gap");
        Assert.Equal((3, 3, "en"), (gap.Support, gap.Passages, gap.Language));
        Assert.Equal(2, gap.NewPassages); // passage 6 has "tax"

        // Chinese words count wherever their characters stand, as a lexicon term would match.
        var fund = suggestions.Single(s => s.Theme == "philanthropy" && s.Term == "基金会");
        Assert.Equal((3, 3, "zh"), (fund.Support, fund.Passages, fund.Language));
    }

    [Fact]
    public void Suggest_WordAlsoOffTheme_HasLowerPrecisionAndIsFilteredByTheThreshold()
    {
        using var temp = new TempDirectory();
        var suggester = new LexiconSuggester(Matcher(temp), StopWords.Default);

        var loose = suggester.Suggest(Passages, new SuggestOptions(MinSupport: 2, MinPrecision: 0.6));
        var strict = suggester.Suggest(Passages, new SuggestOptions(MinSupport: 2, MinPrecision: 0.8));

        var foundation = loose.Single(s => s.Theme == "philanthropy" && s.Term == "foundation");
        Assert.Equal((2, 3), (foundation.Support, foundation.Passages)); // passages 2 and 12; passage 4 is about the economy
        Assert.Equal(0.2076595988, foundation.PrecisionLow, 1e-9); // Wilson 95% lower bound of 2/3 (Python)
        Assert.DoesNotContain(strict, s => s.Term == "foundation");
    }

    [Fact]
    public void Suggest_TermsTheLexiconAlreadyCatches_AreLeftOut()
    {
        using var temp = new TempDirectory();

        var suggestions = new LexiconSuggester(Matcher(temp), StopWords.Default).Suggest(Passages, new SuggestOptions(MinSupport: 1, MinPrecision: 0));

        Assert.DoesNotContain(suggestions, s => s.Theme == "philanthropy" && s.Term.Contains("charity", StringComparison.Ordinal));
        Assert.DoesNotContain(suggestions, s => s.Theme == "inequality" && s.Term.Split(' ').Contains("tax"));
        Assert.Contains(suggestions, s => s.Theme == "inequality" && s.Term == "income");
    }

    [Fact]
    public void Suggest_Ranking_IsByTheWilsonLowerBound()
    {
        using var temp = new TempDirectory();

        var suggestions = new LexiconSuggester(Matcher(temp), StopWords.Default).Suggest(Passages, new SuggestOptions(MinSupport: 1, MinPrecision: 0));

        foreach (var theme in suggestions.GroupBy(s => s.Theme))
        {
            Assert.True(theme.Zip(theme.Skip(1)).All(p => p.First.PrecisionLow >= p.Second.PrecisionLow));
            Assert.Equal(Enumerable.Range(1, theme.Count()), theme.Select(s => s.Rank));
        }
    }

    [Theory]
    [InlineData(0.75, 4, 0.300641840097)]
    [InlineData(1.0, 5, 0.565517531341)]
    public void WilsonLow_KnownProportions_MatchHandComputedValues(double p, int n, double expected)
    {
        Assert.Equal(expected, LexiconSuggester.WilsonLow(p, n), 1e-9);
    }

    private static LabeledPassage Passage(string id, string text, string theme) =>
        new(id, text, new HashSet<string>([theme]), null, null, 1);
}
