using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class LexiconLoaderCsvTests
{
    private const string Source = "themes.csv";

    [Fact]
    public void FromCsvText_MinimalLexicon_ReadsTermsWithTheirLines()
    {
        // Arrange
        const string csv = "theme,term\ninequality,wealth gap\ncontrol,party-state\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(
            [
                new LexiconTerm("inequality", "wealth gap", null, null, 2),
                new LexiconTerm("control", "party-state", null, null, 3),
            ],
            lexicon.Terms);
        Assert.Equal(["inequality", "control"], lexicon.Themes);
        Assert.Equal(Source, lexicon.Source);
        Assert.Empty(lexicon.Warnings);
    }

    [Fact]
    public void FromCsvText_ExtraColumns_AreAcceptedAndLangAndNoteKept()
    {
        // Arrange
        const string csv = "id,theme,term,lang,note,reviewer\n"
            + "1,inequality,  收入差距 ,zh,income gap,li\n"
            + "2,control,regulat*,en,,wang\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(
            [
                new LexiconTerm("inequality", "收入差距", "zh", "income gap", 2),
                new LexiconTerm("control", "regulat*", "en", null, 3),
            ],
            lexicon.Terms);
    }

    [Fact]
    public void FromCsvText_LanguageColumnInsteadOfLang_IsRead()
    {
        // Arrange
        const string csv = "theme,term,language\ninequality,gap,en\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal("en", Assert.Single(lexicon.Terms).Language);
    }

    [Fact]
    public void FromCsvText_HeaderAndThemeInUpperCase_AreMatchedAndThemeLowerCased()
    {
        // Arrange
        const string csv = "Theme,TERM\nInequality,Gap\n SOCIAL_WELFARE ,pension\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(["inequality", "social_welfare"], lexicon.Terms.Select(t => t.Theme));
        Assert.Equal("Gap", lexicon.Terms[0].Term);
    }

    [Fact]
    public void FromCsvText_QuotedFieldsAndBlankRows_KeepLineNumbers()
    {
        // Arrange
        const string csv = "theme,term,note\n\ninequality,\"rich, poor\",\"a note\"\n,,\ncontrol,\"party \"\"state\"\"\",\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(
            [
                new LexiconTerm("inequality", "rich, poor", null, "a note", 3),
                new LexiconTerm("control", "party \"state\"", null, null, 5),
            ],
            lexicon.Terms);
    }

    [Fact]
    public void FromCsvText_DuplicateTermInATheme_WarnsAndCountsItOnce()
    {
        // Arrange: the second and third lines are the same term once normalised.
        const string csv = "theme,term\ncontrol,party-state\ncontrol,Party State\ninequality,party state\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(
            [
                new LexiconTerm("control", "party-state", null, null, 2),
                new LexiconTerm("inequality", "party state", null, null, 4),
            ],
            lexicon.Terms);
        var warning = Assert.Single(lexicon.Warnings);
        Assert.Equal("themes.csv:3: 'Party State' repeats line 2 for theme 'control' and is counted once.", warning);
    }

    [Fact]
    public void FromCsvText_ThemesOfManyKinds_AreOrderedCodebookFirstThenFirstSeen()
    {
        // Arrange
        const string csv = "theme,term\n"
            + "zeta_custom,z\n"
            + "international,wto\n"
            + "alpha_custom,a\n"
            + "inequality,gap\n"
            + "control,regulation\n"
            + "zeta_custom,zz\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(["inequality", "control", "international", "zeta_custom", "alpha_custom"], lexicon.Themes);
    }

    [Fact]
    public void Fingerprint_SameTermsWithOtherQuotingLineEndingsAndColumns_IsUnchanged()
    {
        // Arrange
        var plain = LexiconLoader.FromCsvText("theme,term\ninequality,wealth gap\ncontrol,party-state\n", "a.csv");
        var quotedCrLf = LexiconLoader.FromCsvText("\"theme\",\"term\",\"note\"\r\n\"inequality\",\"wealth gap\",\"x\"\r\n\"control\",\"Party State\",\r\n", "b.csv");

        // Act
        var first = LexiconLoader.Fingerprint(plain.Terms);
        var second = LexiconLoader.Fingerprint(quotedCrLf.Terms);

        // Assert
        Assert.Equal(first, second);
        Assert.Equal(first, plain.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Theory]
    [InlineData("theme,term\ninequality,wealth gaps\ncontrol,party-state\n")]
    [InlineData("theme,term\ncontrol,party-state\ninequality,wealth gap\n")]
    [InlineData("theme,term\ninequality,wealth gap\ncontrol,party-state*\n")]
    [InlineData("theme,term\ninequality,wealth gap\neconomy,party-state\n")]
    [InlineData("theme,term,exclude\ninequality,wealth gap,wealth gap index\ncontrol,party-state\n")]
    public void Fingerprint_DifferentThemesTermsOrderOrExclusions_Changes(string other)
    {
        // Arrange
        var baseline = LexiconLoader.FromCsvText("theme,term\ninequality,wealth gap\ncontrol,party-state\n", Source);

        // Act
        var changed = LexiconLoader.FromCsvText(other, Source);

        // Assert
        Assert.NotEqual(baseline.Sha256, changed.Sha256);
    }

    [Fact]
    public void FromCsvText_ExcludeColumn_SplitsAtPipesTrimsAndDropsEmptyAndRepeatedPhrases()
    {
        // Arrange
        const string csv = "theme,term,lang,note,exclude\n"
            + "environment,生态,zh,ecology, 政治生态 | 产业生态 ||政治生态\n"
            + "international,asia*,en,,Asia Society\n"
            + "inequality,gap,en,,\n";

        // Act
        var lexicon = LexiconLoader.FromCsvText(csv, Source);

        // Assert
        Assert.Equal(["政治生态", "产业生态"], lexicon.Terms[0].Exclusions);
        Assert.Equal(["Asia Society"], lexicon.Terms[1].Exclusions);
        Assert.Null(lexicon.Terms[2].Exclude);
        Assert.Empty(lexicon.Terms[2].Exclusions);
    }

    [Fact]
    public void Fingerprint_LexiconWithoutExclusions_IsTheSameWithAnEmptyExcludeColumn()
    {
        var without = LexiconLoader.FromCsvText("theme,term\ninequality,wealth gap\n", Source);
        var empty = LexiconLoader.FromCsvText("theme,term,exclude\ninequality,wealth gap,\n", Source);

        Assert.Equal(without.Sha256, empty.Sha256);
    }

    public static TheoryData<string, int, string> MalformedCsv => new()
    {
        { "theme,terms\ninequality,gap\n", 1, "unknown columns: there is no column 'term' (found 'theme', 'terms')." },
        { "topic,term\ninequality,gap\n", 1, "unknown columns: there is no column 'theme' (found 'topic', 'term')." },
        { "theme,term\ninequality,gap\ncontrol,\n", 3, "the term is empty." },
        { "theme,term\ninequality,gap\ncontrol,   \n", 3, "the term is empty." },
        { "theme,term\ninequality,in*equality\n", 2, "'in*equality' has a '*' that is not at the end." },
        { "theme,term\nphilanthropy,慈善*\n", 2, "'慈善*' has a '*' after a Chinese character." },
        { "theme,term\ninequality,*\n", 2, "the term is only '*'." },
        { "theme,term\ninequality,---\n", 2, "'---' has no letters, digits or Chinese characters." },
        { "theme,term\ninequality,gap\n,wealth\n", 3, "the theme is empty." },
        { "theme,term\nSocial Welfare,pension\n", 2, "'social welfare' is not a valid theme id." },
        { "theme,term\nsocial-welfare,pension\n", 2, "'social-welfare' is not a valid theme id." },
        { "theme,term\n1st,pension\n", 2, "'1st' is not a valid theme id." },
        { "theme,term\r\ninequality,gap\r\ncontrol,\r\n", 3, "the term is empty." },
        { "theme,term\n\n\ninequality,\n", 4, "the term is empty." },
        { "theme,term,exclude\nenvironment,生态,生态|政治\n", 2, "the exclusion '政治' does not contain the term '生态', so it could never veto a match." },
        { "theme,term,exclude\ninternational,asia*,society of asia*\ninternational,asian,asia minor\n", 3, "the exclusion 'asia minor' does not contain the term 'asian', so it could never veto a match." },
        { "theme,term,exclude\nenvironment,生态,政治生态|---\n", 2, "'---' has no letters, digits or Chinese characters." },
    };

    [Theory]
    [MemberData(nameof(MalformedCsv))]
    public void FromCsvText_MalformedLexicon_ThrowsNamingFileAndLine(string csv, int line, string problem)
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText(csv, Source));

        // Assert
        Assert.Equal(problem, error.Problem);
        Assert.Equal(Source, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"themes.csv:{line}: {problem}", error.Message);
    }

    [Fact]
    public void FromCsvText_ColumnNamedTerms_SuggestsRenamingIt()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText("theme,terms\ninequality,gap\n", Source));

        // Assert
        Assert.Equal("Rename the column 'terms' to 'term'.", error.Fix);
    }

    [Fact]
    public void FromCsvText_ErrorAfterAMultiLineQuotedField_NamesTheLineWhereTheRowStarts()
    {
        // Arrange: the note on line 2 runs over two lines, so the row with the empty term starts on line 4.
        const string csv = "theme,term,note\ninequality,gap,\"first\nsecond\"\ncontrol,,\n";

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText(csv, Source));

        // Assert
        Assert.Equal("the term is empty.", error.Problem);
        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void FromCsvText_HeaderOnly_ThrowsBecauseThereAreNoTerms()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText("theme,term\n", Source));

        // Assert
        Assert.Equal("the lexicon has no terms.", error.Problem);
        Assert.Equal(Source, error.FilePath);
        Assert.StartsWith("themes.csv: the lexicon has no terms.", error.Message);
    }

    [Fact]
    public void FromCsvText_EmptyText_ThrowsNamingTheFile()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText("  \n", Source));

        // Assert
        Assert.Equal("the CSV file is empty.", error.Problem);
        Assert.Equal(Source, error.FilePath);
    }

    [Fact]
    public void FromCsvText_DuplicateHeaderColumn_ThrowsOnLineOne()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText("theme,term,term\ninequality,gap,gap\n", Source));

        // Assert
        Assert.Equal(1, error.Line);
        Assert.Contains("'term' appears twice", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCsvText_UnderTurkishCulture_LowerCasesThemeIdsInvariantly()
    {
        // Arrange: culture-sensitive lower-casing would turn "INEQUALITY" into "ınequalıty", an invalid id.
        using var culture = new CultureScope("tr-TR");

        // Act
        var lexicon = LexiconLoader.FromCsvText("theme,term\nINEQUALITY,INCOME GAP\n", Source);

        // Assert
        Assert.Equal(["inequality"], lexicon.Themes);
    }

    [Fact]
    public void FromCsvText_ThemeNotAnId_FixNamesTheIdByTheDictionaryRule()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromCsvText("theme,term\ncare.virtue,charity\n", "mine.csv"));

        // Assert
        Assert.Contains("Write 'care_virtue'", error.Fix, StringComparison.Ordinal);
        Assert.Contains("theme_label", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void FromCsvText_LabelAndWeightColumns_AreReadAndTheFirstLabelOfAThemeWins()
    {
        // Act
        var lexicon = LexiconLoader.FromCsvText("theme,term,theme_label,weight\ncare_virtue,charity,care.virtue,0.5\ncare_virtue,donat*,Care,\n", "mine.csv");

        // Assert
        Assert.Equal("care.virtue", lexicon.LabelOf("care_virtue"));
        Assert.Equal([0.5, (double?)null], lexicon.Terms.Select(t => t.Weight));
        Assert.Single(lexicon.Warnings);
        Assert.StartsWith("mine.csv:3: the theme 'care_virtue' is labelled 'Care' here but 'care.virtue' above", lexicon.Warnings[0], StringComparison.Ordinal);
    }
}
