using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Counting rule 1 end to end: traditional, full-width and radical-form twins of a simplified text
/// count the same, and the evidence points into each file's own text and shows its own characters.
/// </summary>
public class AnalysisPipelineNormalizationTests
{
    private const string Lexicon = """
        theme,term
        prosperity,共同富裕
        prosperity,收入差距
        philanthropy,慈善
        economy,GDP
        economy,2021年
        people,人民
        """;

    /// <summary>The simplified UTF-8 text and its twins, each the same length, written by the test.</summary>
    public static TheoryData<string, string> Twins => new()
    {
        { "traditional", "紮實推進共同富裕，縮小收入差距。2021年GDP增長，發展慈善事業，為人民服務。" },
        { "full-width", "扎实推进共同富裕，缩小收入差距。２０２１年ＧＤＰ增长，发展慈善事业，为人民服务。" },
        { "radicals", "扎实推进共同富裕，缩小收入差距。2021年GDP增长，发展慈善事业，为⼈⺠服务。" },
    };

    private const string Simplified = "扎实推进共同富裕，缩小收入差距。2021年GDP增长，发展慈善事业，为人民服务。";

    private static (List<Dictionary<string, string>> Themes, List<Dictionary<string, string>> Evidence) Analyze(TempDirectory temp, string lexiconCsv, bool normalize)
    {
        var lexicon = LexiconLoader.Load(temp.Write("lexicon.csv", lexiconCsv));
        var output = temp.File(normalize ? "out" : "out-verbatim");
        new AnalysisPipeline(lexicon).Run(new AnalysisOptions([temp.File("in")], output, new IngestionOptions(), Charts: false, Normalize: normalize));
        return (ReportReader.Read(Path.Combine(output, ReportFiles.ThemeFrequency)), ReportReader.Read(Path.Combine(output, ReportFiles.Evidence)));
    }

    private static Dictionary<string, string> HitsOf(List<Dictionary<string, string>> themes, string document) =>
        themes.Where(r => r["document"] == document).ToDictionary(r => r["theme"], r => r["hits"]);

    [Theory]
    [MemberData(nameof(Twins))]
    public void Run_TwinOfASimplifiedText_CountsTheSameWithEvidenceInItsOwnCharacters(string name, string twin)
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("in/simplified.txt", Simplified);
        temp.Write($"in/{name}.txt", twin);

        // Act
        var (themes, evidence) = Analyze(temp, Lexicon, normalize: true);

        // Assert
        var expected = HitsOf(themes, "simplified.txt");
        Assert.Equal(["2", "1", "1", "2"], expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
        Assert.Equal(expected, HitsOf(themes, $"{name}.txt"));
        var twinRows = evidence.Where(r => r["document"] == $"{name}.txt").ToList();
        Assert.Equal(
            evidence.Where(r => r["document"] == "simplified.txt").Select(r => (r["term"], r["start"], r["end"])),
            twinRows.Select(r => (r["term"], r["start"], r["end"])));
        Assert.All(twinRows, r => Assert.Equal(twin[int.Parse(r["start"], CultureInfo.InvariantCulture)..int.Parse(r["end"], CultureInfo.InvariantCulture)], r["match"]));
    }

    [Fact]
    public void Run_TraditionalLexiconOnSimplifiedText_CountsLikeTheSimplifiedLexicon()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("in/simplified.txt", Simplified);
        const string traditional = """
            theme,term
            prosperity,縮小收入差距
            philanthropy,慈善事業
            economy,ＧＤＰ增長
            people,為人民服務
            """;

        // Act
        var (themes, _) = Analyze(temp, traditional, normalize: true);

        // Assert
        Assert.Equal(["1", "1", "1", "1"], HitsOf(themes, "simplified.txt").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value));
    }

    [Fact]
    public void Run_WithoutNormalization_CountsOnlyTheCharactersAsWritten()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("in/simplified.txt", Simplified);
        temp.Write("in/full-width.txt", "扎实推进共同富裕，缩小收入差距。２０２１年ＧＤＰ增长，发展慈善事业，为⼈⺠服务。");

        // Act
        var (themes, _) = Analyze(temp, Lexicon, normalize: false);

        // Assert
        Assert.Equal("2", HitsOf(themes, "simplified.txt")["economy"]);
        Assert.Equal(("0", "0"), (HitsOf(themes, "full-width.txt")["economy"], HitsOf(themes, "full-width.txt")["people"]));
    }

    [Fact]
    public void Run_Big5TwinOfASimplifiedText_CountsTheSameAndTheManifestNamesItsEncoding()
    {
        // Arrange
        using var temp = new TempDirectory();
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        const string twin = "紮實推進共同富裕，縮小收入差距。2021年GDP增長，發展慈善事業，為人民服務。";
        temp.Write("in/simplified.txt", Simplified);
        temp.Write("in/big5.txt", System.Text.Encoding.GetEncoding("big5").GetBytes(twin));

        // Act
        var (themes, evidence) = Analyze(temp, Lexicon, normalize: true);

        // Assert
        Assert.Equal(HitsOf(themes, "simplified.txt"), HitsOf(themes, "big5.txt"));
        var rows = evidence.Where(r => r["document"] == "big5.txt").ToList();
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(twin[int.Parse(r["start"], CultureInfo.InvariantCulture)..int.Parse(r["end"], CultureInfo.InvariantCulture)], r["match"]));
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("out/" + ReportFiles.Manifest)));
        var input = manifest.RootElement.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("path").GetString() == "big5.txt");
        Assert.Equal("big5", input.GetProperty("encoding").GetString());
        Assert.StartsWith("detector UTF.Unknown: big5", input.GetProperty("encoding_by").GetString(), StringComparison.Ordinal);
    }
}
