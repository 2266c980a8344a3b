using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class LexiconLoaderLiwcTests
{
    private const string Source = "themes.dic";

    [Fact]
    public void FromLiwcText_TabSeparated_ReadsCategoriesAsLowerCaseThemesTermsGroupedByCategory()
    {
        // Arrange
        const string dic = "%\n1\tInequality\n2\tCONTROL\n%\ninequalit*\t1\nregulat*\t2\nwealth gap\t1\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        Assert.Equal(["inequality", "control"], lexicon.Themes);
        Assert.Equal(
            [
                new LexiconTerm("inequality", "inequalit*", null, null, 5),
                new LexiconTerm("inequality", "wealth gap", null, null, 7),
                new LexiconTerm("control", "regulat*", null, null, 6),
            ],
            lexicon.Terms);
        Assert.Empty(lexicon.Warnings);
    }

    [Fact]
    public void FromLiwcText_SpaceSeparated_ReadsTheSameAsTabs()
    {
        // Arrange
        const string tabs = "%\n1\tinequality\n2\tcontrol\n%\ninequalit*\t1\nwealth gap\t1\t2\n";
        const string spaces = "%\n1 inequality\n2   control\n%\ninequalit* 1\nwealth gap   1 2\n";

        // Act
        var fromTabs = LexiconLoader.FromLiwcText(tabs, Source);
        var fromSpaces = LexiconLoader.FromLiwcText(spaces, Source);

        // Assert
        Assert.Equal(fromTabs.Terms, fromSpaces.Terms);
        Assert.Equal(fromTabs.Sha256, fromSpaces.Sha256);
        Assert.Equal(["inequalit*", "wealth gap", "wealth gap"], fromSpaces.Terms.Select(t => t.Term));
    }

    [Fact]
    public void FromLiwcText_WordWithSeveralCategories_IsATermOfEachTheme()
    {
        // Arrange
        const string dic = "%\n1\tinequality\n2\tcontrol\n3\tcommon_prosperity\n%\nredistribut*\t1\t3\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        Assert.Equal(
            [
                new LexiconTerm("inequality", "redistribut*", null, null, 6),
                new LexiconTerm("common_prosperity", "redistribut*", null, null, 6),
            ],
            lexicon.Terms);
        Assert.Equal(["inequality", "common_prosperity"], lexicon.Themes);
    }

    [Fact]
    public void FromLiwcText_WindowsLineEndingsAndBlankLines_AreRead()
    {
        // Arrange
        const string dic = "\r\n%\r\n1\tphilanthropy\r\n%\r\n\r\n慈善\t1\r\ndonat*\t1\r\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        Assert.Equal(
            [
                new LexiconTerm("philanthropy", "慈善", null, null, 6),
                new LexiconTerm("philanthropy", "donat*", null, null, 7),
            ],
            lexicon.Terms);
    }

    [Fact]
    public void FromLiwcText_ConditionalEntry_IsPassedOverWithAWarning()
    {
        // Arrange
        const string dic = "%\n1\tinequality\n%\nkind\t(02 134)1/1\ngap\t1\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        Assert.Equal([new LexiconTerm("inequality", "gap", null, null, 5)], lexicon.Terms);
        Assert.Equal(
            ["themes.dic:4: LIWC2007 conditional category '(02 134)1/1' of 'kind' passed over: they depend on the neighbouring word, which the counting rules do not model; the word is passed over, as it has no plain category."],
            lexicon.Warnings);
    }

    [Fact]
    public void FromLiwcText_DuplicateWordInACategory_IsCountedOnce()
    {
        // Arrange
        const string dic = "%\n1\tinequality\n%\ngap\t1\nGap\t1\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        Assert.Equal([new LexiconTerm("inequality", "gap", null, null, 4)], lexicon.Terms);
    }

    [Fact]
    public void FromLiwcText_DuplicateWordInACategory_Warns()
    {
        // Arrange
        const string dic = "%\n1\tinequality\n%\ngap\t1\nGap\t1\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        var warning = Assert.Single(lexicon.Warnings);
        Assert.StartsWith("themes.dic:5: ", warning);
    }

    [Fact]
    public void FromLiwcText_NumericWordInTabSeparatedEntry_IsATerm()
    {
        // Arrange
        const string dic = "%\n1\teconomy\n%\n2035\t1\n";

        // Act
        var lexicon = LexiconLoader.FromLiwcText(dic, Source);

        // Assert
        Assert.Equal([new LexiconTerm("economy", "2035", null, null, 4)], lexicon.Terms);
    }

    public static TheoryData<string, int, string> MalformedDic => new()
    {
        // no opening '%'
        { "1\tinequality\n%\ngap\t1\n", 1, "a .dic file must start with a line holding only '%'." },
        { "\n\ngap\t1\n", 3, "a .dic file must start with a line holding only '%'." },
        // the header is never closed: an entry line is read as a (bad) category line
        { "%\n1\tinequality\ngap\t1\n", 3, "'gap\t1' is not a category line." },
        // a category with no name
        { "%\n1\n%\ngap\t1\n", 2, "'1' is not a category line." },
        // a number not defined in the header (unknown theme)
        { "%\n1\tinequality\n%\ngap\t1\nwealth\t2\n", 5, "the entry 'wealth' names category 2, which the header block does not define." },
        { "%\n1\tinequality\n%\ngap\t1\t7\n", 4, "the entry 'gap' names category 7, which the header block does not define." },
        // an entry without numbers
        { "%\n1\tinequality\n%\ngap\n", 4, "the entry 'gap' has no category number." },
        { "%\n1\tinequality\n%\nwealth gap\t\n", 4, "the entry 'wealth gap' has no category number." },
        // a third '%'
        { "%\n1\tinequality\n%\ngap\t1\n%\n", 5, "a third '%' line; a .dic file has one header block." },
    };

    [Theory]
    [MemberData(nameof(MalformedDic))]
    public void FromLiwcText_MalformedDictionary_ThrowsNamingFileAndLine(string dic, int line, string problem)
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromLiwcText(dic, Source));

        // Assert
        Assert.Equal(problem, error.Problem);
        Assert.Equal(Source, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"themes.dic:{line}: ", error.Message);
    }

    [Fact]
    public void FromLiwcText_HeaderNeverClosed_ThrowsNamingTheLastLine()
    {
        // Arrange: only category lines, no second '%'.
        const string dic = "%\n1\tinequality\n2\tcontrol";

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromLiwcText(dic, Source));

        // Assert
        Assert.Equal("the category block is not closed by a second '%' line.", error.Problem);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("themes.dic:3: ", error.Message);
    }

    [Fact]
    public void FromLiwcText_HeaderNeverClosedAndFileEndsWithNewline_NamesTheLastRealLine()
    {
        // Arrange: three lines, each ended by a newline.
        const string dic = "%\n1\tinequality\n2\tcontrol\n";

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromLiwcText(dic, Source));

        // Assert
        Assert.Equal("the category block is not closed by a second '%' line.", error.Problem);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void FromLiwcText_UnknownCategory_ListsTheDefinedNumbersInTheFix()
    {
        // Act
        var error = Assert.Throws<LexiconException>(
            () => LexiconLoader.FromLiwcText("%\n1\tinequality\n3\tcontrol\n%\ngap\t2\n", Source));

        // Assert
        Assert.Contains("(defined: 1, 3)", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void FromLiwcText_HeaderWithoutEntries_ThrowsBecauseThereAreNoTerms()
    {
        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromLiwcText("%\n1\tinequality\n%\n", Source));

        // Assert
        Assert.Equal("the lexicon has no terms.", error.Problem);
    }

    [Fact]
    public void FromLiwcText_CategoryNumberDefinedTwice_ThrowsNamingTheSecondLine()
    {
        // Arrange: the second definition used to replace the first silently, so inequality terms counted as charity.
        const string dic = "%\n1\tinequality\n2\tcontrol\n1\tcharity\n%\ninequalit*\t1\n";

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.FromLiwcText(dic, Source));

        // Assert
        Assert.Equal(4, error.Line);
        Assert.Equal("category 1 is defined twice: as 'inequality' on line 2 and as 'charity' here.", error.Problem);
        Assert.StartsWith("themes.dic:4: ", error.Message, StringComparison.Ordinal);
    }
}
