using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

public sealed class CountingTokenizerTests
{
    private static readonly CountingTokenizer Tokenizer = CountingTokenizer.Instance;

    private static string[] Texts(string text) => Tokenizer.Tokenize(text).Select(t => t.Text).ToArray();

    // Rule 1 and 2: word tokens, lower-cased with the invariant culture.
    public static TheoryData<string, string[]> WordCases => new()
    {
        { "Common Prosperity, for ALL!", ["common", "prosperity", "for", "all"] },
        { "ÉGALITÉ Égalité égalité", ["égalité", "égalité", "égalité"] },
        { "Straße", ["straße"] },
        { "Привет, МИР", ["привет", "мир"] },
        { "ひらがな", ["ひらがな"] },
        { "Vision 2035", ["vision", "2035"] },
        { "covid-19", ["covid", "19"] },
        { "e-mail", ["e", "mail"] },
        { "U.S.-China", ["u", "s", "china"] },
        { "١٢٣ ab", ["١٢٣", "ab"] },
        { "x² y", ["x2", "y"] }, // rule 1: ² folds to 2 (NFKC)
        { "hello😀world", ["hello", "world"] },
        { "party\u2011state", ["party", "state"] },
        { "tab\there", ["tab", "here"] },
        { "", [] },
        { "  ,.;!? -- ", [] },
    };

    [Theory]
    [MemberData(nameof(WordCases))]
    public void Tokenize_Text_SplitsIntoInvariantLowerCaseWords(string text, string[] expected)
    {
        // Act
        var tokens = Texts(text);

        // Assert
        Assert.Equal(expected, tokens);
    }

    // Rule 2: an apostrophe between two letters belongs to the word; ’ is normalised to '.
    public static TheoryData<string, string[]> ApostropheCases => new()
    {
        { "china's", ["china's"] },
        { "China’s", ["china's"] },
        { "CHINA'S", ["china's"] },
        { "rock'n'roll", ["rock'n'roll"] },
        { "'tis the people's", ["tis", "the", "people's"] },
        { "the peoples' will", ["the", "peoples", "will"] },
        { "the peoples’ will", ["the", "peoples", "will"] },
        { "1990's", ["1990", "s"] },
        { "a''b", ["a", "b"] },
        { "china'中国", ["china", "中", "国"] },
    };

    [Theory]
    [MemberData(nameof(ApostropheCases))]
    public void Tokenize_Apostrophe_BelongsToWordOnlyBetweenLetters(string text, string[] expected)
    {
        // Act
        var tokens = Texts(text);

        // Assert
        Assert.Equal(expected, tokens);
    }

    // Rule 2: each Han ideograph is a token by itself, including those outside the BMP.
    public static TheoryData<string, string[]> HanCases => new()
    {
        { "共同富裕", ["共", "同", "富", "裕"] },
        { "GDP增长", ["gdp", "增", "长"] },
        { "2035年", ["2035", "年"] },
        { "增长GDP", ["增", "长", "gdp"] },
        { "\U00020000", ["\U00020000"] },
        { "a\U00020000b", ["a", "\U00020000", "b"] },
        { "\u3400\uF900", ["\u3400", "\u5C82"] }, // rule 1: the compatibility ideograph U+F900 folds to 豈, then to simplified 岂
        { "共同，富裕。", ["共", "同", "富", "裕"] },
    };

    [Theory]
    [MemberData(nameof(HanCases))]
    public void Tokenize_HanIdeographs_AreOneTokenEach(string text, string[] expected)
    {
        // Act
        var tokens = Texts(text);

        // Assert
        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void Tokenize_CombiningMark_StaysInTheWord()
    {
        // Arrange: "café" written as e + U+0301 COMBINING ACUTE ACCENT.
        const string text = "cafe\u0301 au lait";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal(["cafe\u0301", "au", "lait"], tokens.Select(t => t.Text));
        Assert.Equal(new Token("cafe\u0301", 0, 5, false), tokens[0]);
    }

    // Rule 2: a line-end hyphen joins a word broken across lines, under strict conditions.
    public static TheoryData<string, string[]> LineEndHyphenCases => new()
    {
        { "en-\njoyed", ["enjoyed"] },
        { "en-\r\njoyed", ["enjoyed"] },
        { "en-\rjoyed", ["enjoyed"] },
        { "en-\n    joyed", ["enjoyed"] },
        { "en-\n\t joyed", ["enjoyed"] },
        { "en\u2010\njoyed", ["enjoyed"] },
        { "Well-\nknown", ["wellknown"] },
        { "enér-\ngico", ["enérgico"] },
        { "en-\nérgico", ["enérgico"] },
        { "We en-\njoyed it", ["we", "enjoyed", "it"] },
        { "U.S.-\nChina", ["u", "s", "china"] },
        { "well-\nKnown", ["well", "known"] },
        { "en- \njoyed", ["en", "joyed"] },
        { "EN-\njoyed", ["en", "joyed"] },
        { "2035-\nplan", ["2035", "plan"] },
        { "en-\n\njoyed", ["en", "joyed"] },
        { "en-\n共同", ["en", "共", "同"] },
        { "en-joyed", ["en", "joyed"] },
        { "en-", ["en"] },
        { "en-\n", ["en"] },
        { "en-\n   ", ["en"] },
    };

    [Theory]
    [MemberData(nameof(LineEndHyphenCases))]
    public void Tokenize_HyphenBeforeLineBreak_JoinsOnlyLowerCaseParts(string text, string[] expected)
    {
        // Act
        var tokens = Texts(text);

        // Assert
        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void Tokenize_JoinedWord_CoversHyphenAndLineBreakInTheOriginalText()
    {
        // Arrange
        const string text = "We en-\r\n  joyed it";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal(
            [new Token("we", 0, 2, false), new Token("enjoyed", 3, 15, true), new Token("it", 16, 18, true)],
            tokens);
        Assert.Equal("en-\r\n  joyed", text[tokens[1].Start..tokens[1].End]);
    }

    [Fact]
    public void Tokenize_CurlyApostrophe_KeepsOriginalSurfaceInOffsets()
    {
        // Arrange
        const string text = "China’s growth";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal([new Token("china's", 0, 7, false), new Token("growth", 8, 14, true)], tokens);
        Assert.Equal("China’s", text[tokens[0].Start..tokens[0].End]);
    }

    [Fact]
    public void Tokenize_SurrogatePairHan_IsOneTokenTwoCodeUnitsWide()
    {
        // Arrange: U+20000 is stored as the surrogate pair D840 DC00.
        const string text = "a\U00020000b 共";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal(
            [
                new Token("a", 0, 1, false),
                new Token("\U00020000", 1, 3, true),
                new Token("b", 3, 4, true),
                new Token("共", 5, 6, true),
            ],
            tokens);
    }

    [Fact]
    public void Tokenize_MixedLatinAndHan_GivesOffsetsIntoTheOriginalText()
    {
        // Arrange
        const string text = "GDP增长 2035年";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal(
            [
                new Token("gdp", 0, 3, false),
                new Token("增", 3, 4, true),
                new Token("长", 4, 5, true),
                new Token("2035", 6, 10, true),
                new Token("年", 10, 11, true),
            ],
            tokens);
    }

    [Fact]
    public void Tokenize_EveryToken_SpansItsSurfaceInTheText()
    {
        // Arrange
        const string text = "  The PARTY-state's rôle, 共同富裕 in 2035!\n";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal(
            ["The", "PARTY", "state's", "rôle", "共", "同", "富", "裕", "in", "2035"],
            tokens.Select(t => text[t.Start..t.End]));
    }

    // JoinsPrevious: only whitespace (line breaks, U+3000 and other Unicode spaces included) or hyphens in the gap.
    public static TheoryData<string, bool[]> JoinsPreviousCases => new()
    {
        { "party state", [false, true] },
        { "party-state", [false, true] },
        { "party -- state", [false, true] },
        { "party\nstate", [false, true] },
        { "party\r\n\tstate", [false, true] },
        { "party\u3000state", [false, true] },
        { "party\u00A0state", [false, true] },
        { "party\u2010state", [false, true] },
        { "party, state", [false, false] },
        { "party. state", [false, false] },
        { "party — state", [false, false] },
        { "party😀state", [false, false] },
        { "party (state)", [false, false] },
        { "共同，富裕", [false, true, false, true] },
        { "共同　富裕", [false, true, true, true] },
        { ", first", [false] },
        { " first", [false] },
    };

    [Theory]
    [MemberData(nameof(JoinsPreviousCases))]
    public void Tokenize_GapBetweenTokens_SetsJoinsPrevious(string text, bool[] expected)
    {
        // Act
        var joins = Tokenizer.Tokenize(text).Select(t => t.JoinsPrevious).ToArray();

        // Assert
        Assert.Equal(expected, joins);
    }

    [Fact]
    public void Tokenize_JoinedHyphenatedWord_CanContinueAPhrase()
    {
        // Arrange
        const string text = "party-\nstate con-\ntrol";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal([new Token("partystate", 0, 12, false), new Token("control", 13, 22, true)], tokens);
    }

    [Fact]
    public void Tokenize_UnderTurkishCulture_LowerCasesInvariantly()
    {
        // Arrange: in tr-TR, culture-sensitive lower-casing turns 'I' into dotless 'ı'.
        using var culture = new CultureScope("tr-TR");

        // Act
        var tokens = Texts("INCOME INEQUALITY ÎLE");

        // Assert
        Assert.Equal(["income", "inequality", "île"], tokens);
    }

    [Fact]
    public void Tokenize_SpanOverload_ReplacesWhatTheBufferHeld()
    {
        // Arrange
        var buffer = new TokenBuffer();
        Tokenizer.Tokenize("one two three four".AsSpan(), buffer);

        // Act
        Tokenizer.Tokenize("五 six".AsSpan(), buffer);

        // Assert
        Assert.Equal([new Token("五", 0, 1, false), new Token("six", 2, 5, true)], buffer.ToList());
    }

    [Fact]
    public void Tokenize_NullString_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Tokenizer.Tokenize((string)null!));
    }

    // Rule 6: soft hyphens and zero-width characters inside a word are ignored (issue 9).
    public static TheoryData<string, string[]> InvisibleCases => new()
    {
        { "inequal\u00ADity", ["inequality"] },
        { "in\u200Bequal\u200Cit\u200Dy", ["inequality"] },
        { "in\u2060equal\uFEFFity", ["inequality"] },
        { "in\u00AD\u200B\u00ADequality", ["inequality"] },
        { "\uFEFFinequality\u200B", ["inequality"] },
        { "wealth\u200B \u200Bgap", ["wealth", "gap"] },
        { "gap\u200B共同", ["gap", "共", "同"] },
        { "don\u00AD't", ["don", "t"] },
        { "inequal\u00AD\nity", ["inequality"] },
        { "INEQUAL\u00ADITY", ["inequality"] },
    };

    [Theory]
    [MemberData(nameof(InvisibleCases))]
    public void Tokenize_InvisibleCharacterInsideAWord_IsLeftOutOfItsKey(string text, string[] expected)
    {
        // Act
        var tokens = Texts(text);

        // Assert
        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void Tokenize_SoftHyphenInsideAWord_KeepsOffsetsIntoTheOriginalText()
    {
        // Arrange
        const string text = "the inequal\u00ADity of";

        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.Equal([new Token("the", 0, 3, false), new Token("inequality", 4, 15, true), new Token("of", 16, 18, true)], tokens);
        Assert.Equal("inequal\u00ADity", text[tokens[1].Start..tokens[1].End]);
    }

    [Theory]
    [InlineData("共同\u200B富裕")]
    [InlineData("wealth \u200Bgap")]
    [InlineData("wealth\u200B\u00A0gap")]
    public void Tokenize_InvisibleCharacterBetweenTokens_DoesNotBreakAPhrase(string text)
    {
        // Act
        var tokens = Tokenizer.Tokenize(text);

        // Assert
        Assert.All(tokens.Skip(1), t => Assert.True(t.JoinsPrevious, text));
    }
}
