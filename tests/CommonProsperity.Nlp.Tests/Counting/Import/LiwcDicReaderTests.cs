using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting.Import;

/// <summary>The quirks of LIWC .dic files as distributed (issue 12), each in a file the project wrote.</summary>
public sealed class LiwcDicReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Fixture(string name) => Path.Combine(TestPaths.Fixtures, "Dictionaries", name);

    [Fact]
    public void Load_MoralFoundationsStyleFile_ReadsEveryQuirk()
    {
        // Arrange: BOM, CRLF, '01' numbers, 'word<TAB>01 03' (a tab then spaces), 'word 01 04' (spaces
        // only), 'fair-*', a number as the word, category names with '.', ' ' and '-'.
        var path = Fixture("moral.dic");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal(["care_virtue", "care_vice", "a_category", "fairness_virtue"], lexicon.Themes);
        Assert.Equal("care.virtue", lexicon.LabelOf("care_virtue"));
        Assert.Equal("a category", lexicon.LabelOf("a_category"));
        Assert.Equal("Fairness-Virtue", lexicon.LabelOf("fairness_virtue"));
        Assert.Equal(["donat*", "wealth gap", "equal*", "2035"], lexicon.Terms.Where(t => t.Theme == "a_category").Select(t => t.Term));
        Assert.Equal(["fair", "equal*", "redistribut*"], lexicon.Terms.Where(t => t.Theme == "fairness_virtue").Select(t => t.Term));
        Assert.Equal(["charit*", "donat*", "redistribut*"], lexicon.Terms.Where(t => t.Theme == "care_virtue").Select(t => t.Term));
        Assert.Contains(lexicon.Warnings, w => w.Contains("'fair-*'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Load_AnyLineEnd_ReadsTheSameLexicon(string lineEnd)
    {
        // Arrange: the same dictionary with LF, CRLF and bare CR (old Mac) line ends, with and without a BOM.
        var lines = new[] { "%", "1\tcare.virtue", "2\ta category", "%", "charit*\t1 2", "neglect*\t2" };
        var plain = _temp.Write("plain.dic", string.Join(lineEnd, lines) + lineEnd);
        var bom = _temp.Write("bom.dic", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join(lineEnd, lines))]);

        // Act
        var fromPlain = LexiconLoader.Load(plain);
        var fromBom = LexiconLoader.Load(bom);

        // Assert
        Assert.Equal(["care_virtue", "a_category"], fromPlain.Themes);
        Assert.Equal([("care_virtue", "charit*", 5), ("a_category", "charit*", 5), ("a_category", "neglect*", 6)], fromPlain.Terms.Select(t => (t.Theme, t.Term, t.Line)));
        Assert.Equal(fromPlain.Sha256, fromBom.Sha256);
        Assert.Equal(fromPlain.Terms, fromBom.Terms);
    }

    [Fact]
    public void Load_Liwc2007ConditionalEntries_KeepsPlainCategoriesAndReportsEachLine()
    {
        // Arrange: 'like' has a conditional part and a plain category; 'kind <of>...' has only a conditional part.
        var path = Fixture("liwc2007.dic");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal([("social", "like"), ("social", "social*"), ("modal", "would")], lexicon.Terms.Select(t => (t.Theme, t.Term)));
        Assert.Contains(lexicon.Warnings, w => w.StartsWith($"{path}:6: LIWC2007 conditional category '(2 3)1/3' of 'like' passed over", StringComparison.Ordinal) && w.EndsWith("plain categories 1 only.", StringComparison.Ordinal));
        Assert.Contains(lexicon.Warnings, w => w.StartsWith($"{path}:7: LIWC2007 conditional category '<of>1/2' of 'kind' passed over", StringComparison.Ordinal) && w.EndsWith("no plain category.", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_Liwc2015IndentedHeader_ReadsEachCategoryAsListedByItsWords()
    {
        // Arrange: LIWC2015 indents subcategories in the header; each word lists every level's number itself.
        var path = _temp.Write("nested.dic", "%\n1\taffect\n\t2\tposemo\n\t3\tnegemo\n%\nhappy\t1\t2\nsad\t1\t3\n");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal(["affect", "posemo", "negemo"], lexicon.Themes);
        Assert.Equal([("affect", "happy"), ("affect", "sad"), ("posemo", "happy"), ("negemo", "sad")], lexicon.Terms.Select(t => (t.Theme, t.Term)));
        Assert.Empty(lexicon.Warnings);
    }

    [Fact]
    public void Load_TwoNamesGivingOneId_KeepsBothAndReportsTheCollision()
    {
        // Arrange
        var path = _temp.Write("clash.dic", "%\n1\tcare.virtue\n2\tCare Virtue\n%\ncharit*\t1\ndonat*\t2\n");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal(["care_virtue", "care_virtue_2"], lexicon.Themes);
        Assert.Equal("Care Virtue", lexicon.LabelOf("care_virtue_2"));
        Assert.Contains(lexicon.Warnings, w => w.StartsWith($"{path}:3: the categories 'care.virtue' (line 2) and 'Care Virtue' both become the theme id 'care_virtue'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_WordTheCountingRulesCannotMatch_IsPassedOverNamingItsLine()
    {
        // Arrange: an emoticon and a word with a '*' inside, as some distributed dictionaries hold.
        var path = _temp.Write("odd.dic", "%\n1\tposemo\n%\n:)\t1\nin*equal\t1\nhappy\t1\n");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal(["happy"], lexicon.Terms.Select(t => t.Term));
        Assert.Contains(lexicon.Warnings, w => w.StartsWith($"{path}:4: ':)' was passed over: ", StringComparison.Ordinal));
        Assert.Contains(lexicon.Warnings, w => w.StartsWith($"{path}:5: 'in*equal' was passed over: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_LiwcDictionary_CountsEqualAnIndependentLiwcStyleCount()
    {
        // Arrange: text written for the test; the independent count splits it at white space, strips
        // punctuation around each word and matches each word as LIWC does (exact, or starting with the
        // part before a '*'), once per category.
        const string text = "Charity and donations help. The donor neglected nobody; equal pay, equality and fair-minded redistribution matter.\n" +
                            "Charitable giving, a wealth gap and neglect: the 2035 plan donates to equalise.";
        var input = _temp.Write("text.txt", text);
        var dic = Fixture("moral.dic");
        var lexicon = LexiconLoader.Load(dic);
        var entries = new Dictionary<string, string[]>
        {
            ["care_virtue"] = ["charit*", "donat*", "redistribut*"],
            ["care_vice"] = ["neglect*"],
            ["a_category"] = ["donat*", "equal*", "2035"],
            ["fairness_virtue"] = ["fair-*", "equal*", "redistribut*"],
        };
        var words = text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim('.', ',', ';', ':').ToLowerInvariant()).ToList();
        var expected = entries.ToDictionary(
            e => e.Key,
            e => words.Count(w => e.Value.Any(p => p.EndsWith('*') ? w.StartsWith(p[..^1], StringComparison.Ordinal) : w == p)));
        expected["a_category"] += 1; // 'wealth gap', the one phrase, counted by hand

        // Act
        var (code, _, error) = CliRunner.Run("analyze", input, "--lexicon", dic, "--out", _temp.File("out"));

        // Assert
        Assert.True(code == 0, error);
        var rows = ReportReader.Read(Path.Combine(_temp.File("out"), "theme_frequency.csv"));
        var counted = rows.ToDictionary(r => r["theme"], r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(e => e.Key), counted.OrderBy(e => e.Key));
        Assert.Equal(lexicon.Themes.Count, counted.Count);
        Assert.All(expected.Values, v => Assert.True(v > 0));
    }
}
