using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Counting.Import;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting.Import;

/// <summary>Each dictionary format, from a small file the project wrote in it, and formats recognised by content.</summary>
public sealed class DictionaryFormatsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Fixtures => new()
    {
        { "moral.dic", nameof(LexiconFormat.LiwcDic) },
        { "liwc2007.dic", nameof(LexiconFormat.LiwcDic) },
        { "themes.dicx", nameof(LexiconFormat.LiwcDicx) },
        { "weighted.dicx", nameof(LexiconFormat.LiwcDicx) },
        { "themes.cat", nameof(LexiconFormat.WordStat) },
        { "weighted.cat", nameof(LexiconFormat.WordStat) },
        { "themes.yml", nameof(LexiconFormat.Yaml) },
        { "themes.lc3", nameof(LexiconFormat.Lexicoder) },
        { "themes.ykd", nameof(LexiconFormat.Yoshikoder) },
    };

    private static string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "Dictionaries", name);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Detect_FileRenamedToTxt_IsRecognisedByContent(string name, string format)
    {
        // Arrange: the extension says nothing.
        var path = _temp.Write("dictionary.txt", File.ReadAllBytes(Fixture(name)));

        // Act
        var detected = LexiconFormatDetector.Detect(File.ReadAllText(path), path);
        var fromTxt = LexiconLoader.Load(path);
        var original = LexiconLoader.Load(Fixture(name));

        // Assert
        Assert.Equal(format, detected.ToString());
        Assert.Equal(original.Sha256, fromTxt.Sha256);
    }

    [Theory]
    [InlineData("themes.cat")]
    [InlineData("themes.yml")]
    [InlineData("themes.ykd")]
    public void Load_NestedCategories_CountsEachWordAtEveryLevel(string name)
    {
        // Act
        var lexicon = LexiconLoader.Load(Fixture(name));

        // Assert: 'economy' holds the words of both its children; each child its own.
        Assert.Equal(["economy", "economy_markets", "economy_growth", "welfare"], lexicon.Themes.Take(4));
        string[] Words(string theme) => [.. lexicon.Terms.Where(t => t.Theme == theme).Select(t => t.Term.ToLowerInvariant())];
        Assert.Equal(["market*", "private sector", "growth", "gdp"], Words("economy"));
        Assert.Equal(["market*", "private sector"], Words("economy_markets"));
        Assert.Equal(["growth", "gdp"], Words("economy_growth"));
        Assert.Equal(["pension*", "health care"], Words("welfare"));
        Assert.Equal("markets", lexicon.LabelOf("economy_markets").Split('/')[1].ToLowerInvariant());
        Assert.Equal("economy", lexicon.LabelOf("economy_markets").Split('/')[0].ToLowerInvariant());
    }

    [Fact]
    public void Load_YamlScalarValueAndQuotedName_ReadsOneWordCategory()
    {
        // Act
        var lexicon = LexiconLoader.Load(Fixture("themes.yml"));

        // Assert
        Assert.Equal([("social_policy", "welfare state")], lexicon.Terms.Where(t => t.Theme == "social_policy").Select(t => (t.Theme, t.Term)));
        Assert.Equal("social policy", lexicon.LabelOf("social_policy"));
    }

    [Fact]
    public void Load_DicxWithXAndWeights_ReadsMembershipAndWeights()
    {
        // Act
        var lexicon = LexiconLoader.Load(Fixture("themes.dicx"));

        // Assert
        Assert.True(lexicon.HasWeights);
        Assert.Equal(
            [("common_prosperity", "common prosperity", (double?)null), ("inequality", "income gap", null), ("inequality", "donat*", 0.5), ("philanthropy", "charit*", null), ("philanthropy", "donat*", 2.0)],
            lexicon.Terms.Select(t => (t.Theme, t.Term, t.Weight)));
        Assert.Equal("Common Prosperity", lexicon.LabelOf("common_prosperity"));
    }

    [Theory]
    [InlineData("weighted.dicx")]
    [InlineData("weighted.cat")]
    public void Load_WeightedDictionary_KeepsNegativeAndFractionalWeights(string name)
    {
        // Act
        var lexicon = LexiconLoader.Load(Fixture(name));

        // Assert
        Assert.Equal(["positive", "negative"], lexicon.Themes);
        Assert.Contains(lexicon.Terms, t => t.Theme == "negative" && t.Term.Equals("loss*", StringComparison.OrdinalIgnoreCase) && t.Weight < 0);
        Assert.All(lexicon.Terms, t => Assert.NotNull(t.Weight));
    }

    [Fact]
    public void Load_WordStatWithOnlyOnes_IsUnweighted()
    {
        // Act
        var lexicon = LexiconLoader.Load(Fixture("themes.cat"));

        // Assert: WordStat writes (1) after every word of an unweighted dictionary.
        Assert.False(lexicon.HasWeights);
    }

    [Fact]
    public void Load_LexicoderNamesThatAreIds_HasNoLabels()
    {
        // Act
        var lexicon = LexiconLoader.Load(Fixture("themes.lc3"));

        // Assert
        Assert.Equal(["inequality", "philanthropy"], lexicon.Themes);
        Assert.Null(lexicon.ThemeLabels);
        Assert.Equal(["income gap", "inequalit*"], lexicon.Terms.Where(t => t.Theme == "inequality").Select(t => t.Term));
    }

    public static TheoryData<string, byte[], string> Unsupported => new()
    {
        { "dictionary.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "looks like a ZIP archive: an Excel workbook (.xlsx)" },
        { "dictionary.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], "looks like an Excel 97-2003 workbook (.xls)" },
        { "dictionary.dic", "%PDF-1.7\n"u8.ToArray(), "looks like a PDF document" },
        { "dictionary.json", "{\"economy\": [\"tax\"]}\n"u8.ToArray(), "looks like JSON" },
        { "dictionary.dic", "<!DOCTYPE html>\n<html><body>Download</body></html>\n"u8.ToArray(), "looks like an HTML web page" },
        { "dictionary.xml", "<?xml version=\"1.0\"?>\n<root><item/></root>\n"u8.ToArray(), "looks like XML without a Yoshikoder 'dictionary' element" },
        { "dictionary.bin", "just some words\nand more\n"u8.ToArray(), "looks like no dictionary format (its first line is 'just some words')" },
        { "en_US.dic", "4\nhello/MS\nworld/M\nfair/PY\nfairness/M\n"u8.ToArray(), "looks like a Hunspell spell-checker dictionary" },
    };

    [Theory]
    [MemberData(nameof(Unsupported))]
    public void Load_UnsupportedFile_SaysWhatItLooksLikeAndWhatIsRead(string name, byte[] bytes, string looksLike)
    {
        // Arrange
        var path = _temp.Write(name, bytes);

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.Load(path));

        // Assert
        Assert.Contains(looksLike, error.Problem, StringComparison.Ordinal);
        Assert.Contains("LIWC .dic", error.Problem, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
        Assert.False(string.IsNullOrEmpty(error.Fix));
    }

    public static TheoryData<string, string, int, string> Malformed => new()
    {
        { "bad.yml", "economy:\n  - tax\n welfare: [a\n", 3, "the YAML is malformed" },
        { "bad.ykd", "<dictionary>\n<cnode name=\"a\">\n<pnode name=\"x\">\n</dictionary>\n", 4, "the XML is malformed" },
        { "bad.dicx", "DicTerm,Economy\ntax,yes\n", 2, "the cell 'yes' of 'tax' in the column 'Economy' is neither X nor a number." },
        { "bad.cat", "\tTAX (1)\nECONOMY\n", 1, "the word 'TAX' stands above every category." },
        { "bad.lc3", "tax\n+economy\n", 1, "the word 'tax' stands above the first category." },
        { "bad.csv", "theme,term,weight\neconomy,tax,heavy\n", 2, "the weight 'heavy' is not a number." },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Load_MalformedDictionary_NamesFileAndLine(string name, string text, int line, string problem)
    {
        // Arrange
        var path = _temp.Write(name, text);

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.Load(path));

        // Assert
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
        Assert.StartsWith($"{path}:{line}: ", error.Message, StringComparison.Ordinal);
    }
}
