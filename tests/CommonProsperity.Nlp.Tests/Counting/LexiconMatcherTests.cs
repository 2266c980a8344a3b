using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class LexiconMatcherTests
{
    /// <summary>A hit as a reader checks it: theme id, the term as written, and the offsets of the match.</summary>
    private readonly record struct Found(string Theme, string Term, int Start, int End);

    private static LexiconMatcher Matcher(params string[] rows) =>
        new(LexiconLoader.FromCsvText("theme,term\n" + string.Join('\n', rows) + "\n", "test.csv"));

    private static Found[] Find(LexiconMatcher matcher, string text) =>
        matcher.Match(text)
            .Select(h => new Found(matcher.Themes[h.Theme], matcher.Lexicon.Terms[h.Term].Term, h.Start, h.End))
            .ToArray();

    // Rule 1: case-insensitive.
    [Theory]
    [InlineData("inequality")]
    [InlineData("INEQUALITY")]
    [InlineData("Inequality")]
    [InlineData("inEQUALity")]
    public void Match_AnyLetterCase_Matches(string text)
    {
        // Arrange
        var matcher = Matcher("inequality,inequality");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("inequality", "inequality", 0, 10)], hits);
    }

    [Theory]
    [InlineData("Égalité", "ÉGALITÉ réelle")]
    [InlineData("ÉGALITÉ", "égalité réelle")]
    [InlineData("China’s", "CHINA'S growth")]
    [InlineData("china's", "China’s growth")]
    public void Match_NonAsciiCaseAndCurlyApostrophe_MatchesInvariantly(string term, string text)
    {
        // Arrange
        var matcher = Matcher($"economy,{term}");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("economy", term, 0, 7)], hits);
    }

    [Fact]
    public void Match_UnderTurkishCulture_StillMatchesUpperCaseI()
    {
        // Arrange
        using var culture = new CultureScope("tr-TR");
        var matcher = Matcher("inequality,income inequality");

        // Act
        var hits = Find(matcher, "INCOME INEQUALITY");

        // Assert
        Assert.Equal([new Found("inequality", "income inequality", 0, 17)], hits);
    }

    // Rule 3: a trailing * makes the last token a prefix.
    [Theory]
    [InlineData("inequality", 10)]
    [InlineData("inequalities", 12)]
    [InlineData("Inequalit", 9)]
    public void Match_PrefixTerm_MatchesWordsThatStartWithIt(string text, int end)
    {
        // Arrange
        var matcher = Matcher("inequality,inequalit*");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("inequality", "inequalit*", 0, end)], hits);
    }

    [Theory]
    [InlineData("inequal")]
    [InlineData("xinequality")]
    [InlineData("in equality")]
    [InlineData("不平等")]
    public void Match_PrefixTerm_DoesNotMatchShorterOrEmbeddedWords(string text)
    {
        // Arrange
        var matcher = Matcher("inequality,inequalit*");

        // Act
        var hits = matcher.Match(text);

        // Assert
        Assert.Empty(hits);
    }

    [Theory]
    [InlineData("Common Prosperity", 17)]
    [InlineData("common prosperity's", 19)]
    [InlineData("common\nprosperities", 19)]
    public void Match_PhraseEndingInPrefix_MatchesOnlyTheLastWordAsPrefix(string text, int end)
    {
        // Arrange
        var matcher = Matcher("common_prosperity,common prosperit*");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("common_prosperity", "common prosperit*", 0, end)], hits);
    }

    [Fact]
    public void Match_PhraseEndingInPrefix_DoesNotTreatEarlierWordsAsPrefixes()
    {
        // Arrange
        var matcher = Matcher("common_prosperity,common prosperit*");

        // Act
        var hits = matcher.Match("commonly prosperity");

        // Assert
        Assert.Empty(hits);
    }

    // Rule 4: only whitespace (line breaks included) or hyphens may stand between a phrase's tokens.
    [Theory]
    [InlineData("party state", 11)]
    [InlineData("Party-State", 11)]
    [InlineData("PARTY STATE", 11)]
    [InlineData("party\nstate", 11)]
    [InlineData("party\r\n   state", 15)]
    [InlineData("party - state", 13)]
    [InlineData("party\u3000state", 11)]
    [InlineData("party\u2011state", 11)]
    public void Match_PhraseWithWhitespaceOrHyphenBetweenTokens_Matches(string text, int end)
    {
        // Arrange
        var matcher = Matcher("control,party-state");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("control", "party-state", 0, end)], hits);
    }

    [Theory]
    [InlineData("party, state")]
    [InlineData("party. State")]
    [InlineData("party (state)")]
    [InlineData("party/state")]
    [InlineData("party — state")]
    [InlineData("partystate")]
    [InlineData("party of the state")]
    public void Match_PhraseBrokenByPunctuationOrOtherWords_DoesNotMatch(string text)
    {
        // Arrange
        var matcher = Matcher("control,party-state");

        // Act
        var hits = matcher.Match(text);

        // Assert
        Assert.Empty(hits);
    }

    // Rules 3 and 4 for Chinese: a term is a run of one-character tokens.
    [Theory]
    [InlineData("共同富裕", 0, 4)]
    [InlineData("扎实推动共同富裕。", 4, 8)]
    [InlineData("共同 富裕", 0, 5)]
    [InlineData("共同\n富裕", 0, 5)]
    [InlineData("共同\r\n富裕", 0, 6)]
    [InlineData("共同\u3000富裕", 0, 5)]
    [InlineData("共同-富裕", 0, 5)]
    public void Match_ChineseTerm_MatchesConsecutiveCharacters(string text, int start, int end)
    {
        // Arrange
        var matcher = Matcher("common_prosperity,共同富裕");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("common_prosperity", "共同富裕", start, end)], hits);
    }

    [Theory]
    [InlineData("共同，富裕")]
    [InlineData("共同、富裕")]
    [InlineData("共同的富裕")]
    [InlineData("共同富")]
    [InlineData("共同“富裕”")]
    public void Match_ChineseTermBrokenByPunctuationOrCharacters_DoesNotMatch(string text)
    {
        // Arrange
        var matcher = Matcher("common_prosperity,共同富裕");

        // Act
        var hits = matcher.Match(text);

        // Assert
        Assert.Empty(hits);
    }

    [Theory]
    [InlineData("GDP增长", 0, 5)]
    [InlineData("gdp 增长", 0, 6)]
    [InlineData("实现GDP增长", 2, 7)]
    public void Match_MixedLatinAndHanTerm_MatchesAcrossScripts(string text, int start, int end)
    {
        // Arrange
        var matcher = Matcher("economy,GDP增长");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("economy", "GDP增长", start, end)], hits);
    }

    [Fact]
    public void Match_SurrogatePairHanTerm_MatchesWithOffsetsInCodeUnits()
    {
        // Arrange
        var matcher = Matcher("economy,\U00020000年");

        // Act
        var hits = Find(matcher, "1 \U00020000年");

        // Assert
        Assert.Equal([new Found("economy", "\U00020000年", 2, 5)], hits);
    }

    [Fact]
    public void Match_WordJoinedAcrossLineEndHyphen_MatchesWithOffsetsCoveringTheBreak()
    {
        // Arrange
        const string text = "We en-\njoyed it";
        var matcher = Matcher("economy,enjoyed");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("economy", "enjoyed", 3, 12)], hits);
        Assert.Equal("en-\njoyed", text[3..12]);
    }

    // Rule 4: a line-end hyphen between letters is read both ways, joined and as a hyphenated compound.
    public static TheoryData<string, string, int, int> LineEndHyphenCases => new()
    {
        // term, text, start and end of the one hit
        { "military-civil fusion", "of military-\n                civil fusion.", 3, 41 },
        { "military-civil fusion", "of military-\r\n\tcivil fusion.", 3, 27 },
        { "military civil fusion", "of military-\ncivil fusion.", 3, 25 },
        { "military-civil fusion", "of Military-\nCivil Fusion.", 3, 25 },
        { "cross-regional", "a cross-\n  regional plan", 2, 19 },
        { "crossregional", "a cross-\n  regional plan", 2, 19 },
        { "enjoyed", "We en-\njoyed it", 3, 12 },
        { "enjoyed", "We En-\n  Joyed it", 3, 14 },
        { "enjoy*", "We en\u2010\njoyed it", 3, 12 },
        { "civil fusion", "military-\ncivil fusion", 10, 22 },
        { "military", "military-\ncivil fusion", 0, 8 },
    };

    [Theory]
    [MemberData(nameof(LineEndHyphenCases))]
    public void Match_TermAcrossLineEndHyphen_MatchesEitherReadingWithOffsetsIntoTheText(string term, string text, int start, int end)
    {
        // Arrange
        var matcher = Matcher("theme," + term);

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("theme", term, start, end)], hits);
    }

    [Theory]
    [InlineData("enjoyed", "en- \njoyed")]              // the hyphen is not at the line end
    [InlineData("enjoyed", "en-\n\njoyed")]            // a blank line between
    [InlineData("covid19", "covid-\n19")]               // a digit, not a letter, after the break
    [InlineData("enjoyed", "en-joyed")]                  // a hyphen inside a line keeps the parts apart
    public void Match_HyphenNotBetweenLettersAtALineEnd_IsNotReadJoined(string term, string text)
    {
        // Arrange
        var matcher = Matcher("theme," + term);

        // Act
        var hits = matcher.Match(text);

        // Assert
        Assert.Empty(hits);
    }

    [Fact]
    public void Match_BothReadingsInOneText_CountOncePerThemeAndReportTheDocumentTokens()
    {
        // Arrange: "militarycivil" is one token (two lower-case letters around the break), "fusion" the second.
        const string text = "military-\n   civil fusion";
        var matcher = Matcher("compound,military-civil fusion", "joined,militarycivil", "part,civil");

        // Act
        var hits = matcher.Match(text);

        // Assert
        Assert.Equal(2, CountingTokenizer.Instance.Tokenize(text).Count);
        Assert.Equal(
            [("compound", 0, 25, 0, 2), ("joined", 0, 18, 0, 1), ("part", 13, 18, 0, 1)],
            hits.Select(h => (matcher.Themes[h.Theme], h.Start, h.End, h.FirstToken, h.TokenCount)));
    }

    // Rule 5: per theme, left to right, longest match wins and its tokens are used up.
    [Fact]
    public void Match_OverlappingTermsOfOneTheme_LongestWinsAndTokensAreUsedUp()
    {
        // Arrange
        var matcher = Matcher("common_prosperity,common", "common_prosperity,common prosperity");

        // Act
        var hits = Find(matcher, "common prosperity and common goals");

        // Assert
        Assert.Equal(
            [
                new Found("common_prosperity", "common prosperity", 0, 17),
                new Found("common_prosperity", "common", 22, 28),
            ],
            hits);
    }

    [Fact]
    public void Match_TwoTermsSharingAToken_LeftmostWinsAndTheOtherIsNotCounted()
    {
        // Arrange
        var matcher = Matcher("inequality,rural income", "inequality,income gap");

        // Act
        var hits = Find(matcher, "rural income gap");

        // Assert
        Assert.Equal([new Found("inequality", "rural income", 0, 12)], hits);
    }

    [Fact]
    public void Match_LongerTermStartingLater_DoesNotDisplaceAnEarlierMatch()
    {
        // Arrange: "wealth" matches at 0 and uses its token; "wealth gap widening" cannot start later.
        var matcher = Matcher("inequality,gap", "inequality,gap widening", "inequality,wealth");

        // Act
        var hits = Find(matcher, "wealth gap widening");

        // Assert
        Assert.Equal(
            [
                new Found("inequality", "wealth", 0, 6),
                new Found("inequality", "gap widening", 7, 19),
            ],
            hits);
    }

    [Fact]
    public void Match_LongestTermNeedsBacktrack_FallsBackToTheLongestThatMatches()
    {
        // Arrange: "a b c d" is not in the text, so the best at position 0 is "a b".
        var matcher = Matcher("economy,a b c d", "economy,a b", "economy,b c");

        // Act
        var hits = Find(matcher, "a b c x");

        // Assert
        Assert.Equal([new Found("economy", "a b", 0, 3)], hits);
    }

    [Fact]
    public void Match_RepeatedTerm_CountsEveryOccurrence()
    {
        // Arrange
        var matcher = Matcher("inequality,gap");

        // Act
        var hits = Find(matcher, "gap, gap gap-gap");

        // Assert
        Assert.Equal(
            [
                new Found("inequality", "gap", 0, 3),
                new Found("inequality", "gap", 5, 8),
                new Found("inequality", "gap", 9, 12),
                new Found("inequality", "gap", 13, 16),
            ],
            hits);
    }

    [Fact]
    public void Match_OverlappingTermsOfTwoThemes_AreMatchedIndependently()
    {
        // Arrange
        var matcher = Matcher("inequality,wealth gap", "economy,gap", "economy,wealth");

        // Act
        var hits = Find(matcher, "the wealth gap");

        // Assert: by position, then theme order.
        Assert.Equal(
            [
                new Found("inequality", "wealth gap", 4, 14),
                new Found("economy", "wealth", 4, 10),
                new Found("economy", "gap", 11, 14),
            ],
            hits);
    }

    [Fact]
    public void Match_SameTermInTwoThemes_HitsBothThemes()
    {
        // Arrange
        var matcher = Matcher("social_welfare,共同富裕", "common_prosperity,共同富裕");

        // Act
        var hits = Find(matcher, "共同富裕");

        // Assert: codebook order puts common_prosperity before social_welfare.
        Assert.Equal(
            [
                new Found("common_prosperity", "共同富裕", 0, 4),
                new Found("social_welfare", "共同富裕", 0, 4),
            ],
            hits);
    }

    [Fact]
    public void Match_ThemeIndex_IndexesThemesInReportOrder()
    {
        // Arrange
        var matcher = Matcher("my_theme,alpha", "control,beta");

        // Act
        var hits = matcher.Match("alpha beta");

        // Assert
        Assert.Equal(["control", "my_theme"], matcher.Themes);
        Assert.Equal(
            [new LexiconHit(1, 0, 0, 5, 0, 1), new LexiconHit(0, 1, 6, 10, 1, 1)],
            hits);
    }

    [Fact]
    public void Match_Hit_CarriesFirstTokenAndTokenCount()
    {
        // Arrange
        var matcher = Matcher("common_prosperity,共同富裕");

        // Act
        var hit = Assert.Single(matcher.Match("推动共同富裕"));

        // Assert
        Assert.Equal(new LexiconHit(0, 0, 2, 6, 2, 4), hit);
    }

    // Rule 5, ties: an exact last word beats a prefix; a longer prefix beats a shorter one.
    [Theory]
    [InlineData("reform", "reform")]
    [InlineData("Reforms", "reform*")]
    public void Match_ExactAndPrefixTermCoverTheSameWord_ExactWins(string text, string expected)
    {
        // Arrange: the prefix term is listed first, so file order cannot explain the result.
        var matcher = Matcher("economy,reform*", "economy,reform");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("economy", expected, 0, text.Length)], hits);
    }

    [Fact]
    public void Match_ExactAndPrefixLastWordOfPhrase_ExactWins()
    {
        // Arrange
        var matcher = Matcher("economy,tax reform*", "economy,tax reform");

        // Act
        var hits = Find(matcher, "Tax reform");

        // Assert
        Assert.Equal([new Found("economy", "tax reform", 0, 10)], hits);
    }

    [Fact]
    public void Match_TwoPrefixesCoverTheSameWord_LongerPrefixWins()
    {
        // Arrange
        var matcher = Matcher("inequality,inequ*", "inequality,inequalit*");

        // Act
        var hits = Find(matcher, "inequalities");

        // Assert
        Assert.Equal([new Found("inequality", "inequalit*", 0, 12)], hits);
    }

    [Fact]
    public void Match_ScratchReusedForAnotherText_StartsAfresh()
    {
        // Arrange
        var matcher = Matcher("inequality,wealth gap", "inequality,gap");
        var scratch = new MatchScratch();
        var hits = new List<LexiconHit>();
        CountingTokenizer.Instance.Tokenize("one two three wealth gap", scratch.Tokens);
        matcher.Match(scratch, hits);
        hits.Clear();

        // Act
        CountingTokenizer.Instance.Tokenize("gap", scratch.Tokens);
        matcher.Match(scratch, hits);

        // Assert
        Assert.Equal([new LexiconHit(0, 1, 0, 3, 0, 1)], hits);
    }

    [Fact]
    public void Match_ScratchHits_AreAppendedToTheList()
    {
        // Arrange
        var matcher = Matcher("inequality,gap");
        var scratch = new MatchScratch();
        var hits = new List<LexiconHit> { new(9, 9, 9, 9, 9, 9) };
        CountingTokenizer.Instance.Tokenize("gap", scratch.Tokens);

        // Act
        matcher.Match(scratch, hits);

        // Assert
        Assert.Equal([new LexiconHit(9, 9, 9, 9, 9, 9), new LexiconHit(0, 0, 0, 3, 0, 1)], hits);
    }

    [Fact]
    public void Match_TextLongerThanScratchCapacity_FindsHitsAtTheEnd()
    {
        // Arrange: more tokens than the 1024 the scratch starts with.
        var text = string.Concat(Enumerable.Repeat("word ", 3000)) + "wealth gap";
        var matcher = Matcher("inequality,wealth gap");

        // Act
        var hits = matcher.Match(text);

        // Assert
        Assert.Equal([new LexiconHit(0, 0, 15000, 15010, 3000, 2)], hits);
    }

    [Fact]
    public void Match_TextWithoutAnyTerm_GivesNoHits()
    {
        // Arrange
        var matcher = Matcher("inequality,gap", "control,共同富裕");

        // Act
        var hits = matcher.Match("Nothing relevant here. 今天天气很好。");

        // Assert
        Assert.Empty(hits);
    }

    // Rule 1: characters folded in terms and text alike; offsets into the original text.
    [Theory]
    [InlineData("贫富差距", "貧富差距擴大", 0, 4)]
    [InlineData("貧富差距", "贫富差距扩大", 0, 4)]
    [InlineData("GDP", "２０２１年ＧＤＰ增长", 5, 8)]
    [InlineData("ｇｄｐ增长", "GDP增长", 0, 5)]
    [InlineData("人民", "为⼈⺠服务", 1, 3)]
    [InlineData("2021年", "２０２１年", 0, 5)]
    public void Match_TraditionalOrFullWidthOnEitherSide_MatchesWithOffsetsIntoTheOriginal(string term, string text, int start, int end)
    {
        // Arrange
        var matcher = Matcher($"economy,{term}");

        // Act
        var hits = Find(matcher, text);

        // Assert
        Assert.Equal([new Found("economy", term, start, end)], hits);
    }

    [Fact]
    public void Match_WithoutNormalization_MatchesOnlyTheCharactersAsWritten()
    {
        // Arrange
        var matcher = new LexiconMatcher(LexiconLoader.FromCsvText("theme,term\neconomy,贫富差距\neconomy,GDP\n", "test.csv"), normalize: false);

        // Act
        var hits = Find(matcher, "貧富差距 ＧＤＰ 贫富差距 GDP");

        // Assert
        Assert.Equal([new Found("economy", "贫富差距", 9, 13), new Found("economy", "GDP", 14, 17)], hits);
    }
}
