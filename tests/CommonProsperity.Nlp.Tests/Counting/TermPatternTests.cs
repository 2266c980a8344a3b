using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class TermPatternTests
{
    // Rule 3: a term is split into tokens by the tokenizer's rule; a trailing * makes the last token a prefix.
    public static TheoryData<string, string[], bool> ValidTerms => new()
    {
        { "gap", ["gap"], false },
        { "  Wealth Gap  ", ["wealth", "gap"], false },
        { "party-state", ["party", "state"], false },
        { "Party State", ["party", "state"], false },
        { "China’s", ["china's"], false },
        { "共同富裕", ["共", "同", "富", "裕"], false },
        { "GDP增长", ["gdp", "增", "长"], false },
        { "inequalit*", ["inequalit"], true },
        { "common prosperit*", ["common", "prosperit"], true },
        { "增长GDP*", ["增", "长", "gdp"], true },
        { "2035*", ["2035"], true },
        { "égalit*", ["égalit"], true },
        { "\U00020000", ["\U00020000"], false },
    };

    [Theory]
    [MemberData(nameof(ValidTerms))]
    public void Parse_ValidTerm_SplitsIntoTokensAndFlagsPrefix(string term, string[] tokens, bool lastIsPrefix)
    {
        // Act
        var pattern = TermPattern.Parse(term, "lexicon.csv", 2);

        // Assert
        Assert.Equal(tokens, pattern.Tokens);
        Assert.Equal(lastIsPrefix, pattern.LastIsPrefix);
    }

    [Theory]
    [InlineData("Party-State", "party state")]
    [InlineData("inequalit*", "inequalit*")]
    [InlineData("Common  Prosperit*", "common prosperit*")]
    [InlineData("共同富裕", "共 同 富 裕")]
    public void ToString_Pattern_WritesNormalisedTokensWithOneSpace(string term, string expected)
    {
        Assert.Equal(expected, TermPattern.Parse(term, "lexicon.csv", 2).ToString());
    }

    public static TheoryData<string, string> InvalidTerms => new()
    {
        { "", "the term is empty." },
        { "   ", "the term is empty." },
        { "in*equality", "has a '*' that is not at the end." },
        { "*inequality", "has a '*' that is not at the end." },
        { "**", "has a '*' that is not at the end." },
        { "inequalit**", "has a '*' that is not at the end." },
        { "*", "the term is only '*'." },
        { "慈善*", "has a '*' after a Chinese character." },
        { "公益慈善*", "has a '*' after a Chinese character." },
        { "\U00020000*", "has a '*' after a Chinese character." },
        { "gap *", "has a '*' that does not follow a letter or digit." },
        { "china'*", "has a '*' that does not follow a letter or digit." },
        { "---*", "has a '*' that does not follow a letter or digit." },
        { "---", "has no letters, digits or Chinese characters." },
        { "，。", "has no letters, digits or Chinese characters." },
    };

    [Theory]
    [MemberData(nameof(InvalidTerms))]
    public void Parse_InvalidTerm_ThrowsLexiconExceptionNamingFileAndLine(string term, string problem)
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => TermPattern.Parse(term, "themes.csv", 7));

        // Assert
        Assert.Equal("themes.csv", error.FilePath);
        Assert.Equal(7, error.Line);
        Assert.EndsWith(problem, error.Problem);
        Assert.StartsWith("themes.csv:7: ", error.Message);
    }

    [Fact]
    public void Parse_StarAfterChineseCharacter_SuggestsRemovingTheStar()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => TermPattern.Parse("慈善*", "themes.csv", 3));

        // Assert
        Assert.Equal("'慈善*' has a '*' after a Chinese character.", error.Problem);
        Assert.Contains("remove the '*'", error.Fix, StringComparison.Ordinal);
    }
}

public class TermPatternPunctuationTests
{
    [Theory]
    [InlineData("U.S. tariffs", '.')]
    [InlineData("rich, poor", ',')]
    [InlineData("party-state", null)]
    [InlineData("china's growth", null)]
    [InlineData("共同富裕", null)]
    [InlineData("inequalit*", null)]
    public void UnmatchablePunctuation_FindsMarksThatBreakPhrases(string term, char? expected)
    {
        Assert.Equal(expected, CommonProsperity.Nlp.Counting.TermPattern.UnmatchablePunctuation(term));
    }
}
