using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// The reports for the mini corpus, compared byte for byte with the golden files in
/// Fixtures/Golden. After an intended change, set CPNLP_UPDATE_GOLDEN=1, run the tests once, and
/// review the diff of the golden files before committing them.
/// </summary>
public class AnalysisPipelineGoldenTests
{
    public static TheoryData<string> Reports() =>
    [
        ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency,
    ];

    private static AnalysisResult Run(string output, int threads = 0) =>
        new AnalysisPipeline(LexiconLoader.Load(TestPaths.MiniLexicon))
            .Run(new AnalysisOptions([TestPaths.MiniCorpus], output, new IngestionOptions(), MaxParallelism: threads));

    [Theory]
    [MemberData(nameof(Reports))]
    public void Run_MiniCorpus_MatchesGoldenReport(string report)
    {
        using var temp = new TempDirectory();
        Run(temp.Path);

        var actual = File.ReadAllBytes(temp.File(report));
        var golden = Path.Combine(TestPaths.SourceFixtures, "Golden", report);
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.WriteAllBytes(golden, actual);
        }

        Assert.True(File.Exists(golden), $"missing golden file {golden}; run with CPNLP_UPDATE_GOLDEN=1 once");
        Assert.Equal(File.ReadAllText(golden), File.ReadAllText(temp.File(report)));
        Assert.Equal(File.ReadAllBytes(golden), actual);
    }

    [Fact]
    public void Run_MiniCorpus_ManifestListsInputsSkipsAndLexicon()
    {
        using var temp = new TempDirectory();
        var result = Run(temp.Path);

        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File(ReportFiles.Manifest)));
        var root = manifest.RootElement;
        Assert.Equal("analyze", root.GetProperty("command").GetString());
        Assert.Equal(6, root.GetProperty("documents").GetInt32());
        Assert.Equal(64, root.GetProperty("lexicon").GetProperty("sha256").GetString()!.Length);
        Assert.Equal(["law_zh.txt", "notice_gbk.txt", "page.html", "report_en.txt", "rows.csv"],
            root.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("path").GetString()));
        Assert.Equal(["image.png", "empty.txt", "rows.csv#a3"], root.GetProperty("skipped").EnumerateArray().Select(s => s.GetProperty("path").GetString()));
        Assert.Equal(3, result.Problems.Skipped().Count);
    }

    [Fact]
    public void Run_OneThreadOrFour_WritesIdenticalReports()
    {
        using var one = new TempDirectory();
        using var four = new TempDirectory();

        Run(one.Path, threads: 1);
        Run(four.Path, threads: 4);

        foreach (string report in Reports())
        {
            Assert.Equal(File.ReadAllBytes(one.File(report)), File.ReadAllBytes(four.File(report)));
        }
    }

    [Fact]
    public void Run_NoReadableDocuments_ThrowsAndWritesNothing()
    {
        using var input = new TempDirectory();
        using var output = new TempDirectory();
        input.Write("only.png", [0x89, 0x50, 0x00]);

        var error = Assert.Throws<CommonProsperity.Nlp.Errors.CommonProsperityException>(() =>
            new AnalysisPipeline(DefaultLexicon.Instance).Run(new AnalysisOptions([input.Path], output.File("out"), new IngestionOptions())));

        Assert.Contains("no readable documents", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.File("out")));
    }
}
