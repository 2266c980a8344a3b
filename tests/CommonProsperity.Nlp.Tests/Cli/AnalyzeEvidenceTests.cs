using System.Text;
using System.Text.Json;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary><c>analyze --evidence full|offsets|none</c>: what evidence.csv keeps, the other reports unchanged, and merges of each kind.</summary>
public class AnalyzeEvidenceTests
{
    private static readonly string[] OtherReports = [ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency];

    [Fact]
    public void Analyze_EvidenceOffsets_KeepsTheLocatingColumnsOfEveryRowAndTheOtherReports()
    {
        using var temp = new TempDirectory();
        var (full, _, _) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.File("full"), "--quiet", "--no-charts");

        var (offsets, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.File("offsets"), "--quiet", "--no-charts", "--evidence", "offsets");

        // The mini corpus holds files that are skipped on purpose: exit code 2 either way.
        Assert.Equal(2, full);
        Assert.Equal(2, offsets);
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
        var fullRows = Rows(temp.File($"full/{ReportFiles.Evidence}"));
        var offsetRows = Rows(temp.File($"offsets/{ReportFiles.Evidence}"));
        Assert.Equal(["document", "theme", "term", "start", "end", "sentence"], offsetRows[0]);
        Assert.Equal(fullRows.Count, offsetRows.Count);
        Assert.True(fullRows.Count > 1, "the mini corpus has matches");
        var columns = fullRows[0];
        foreach (var (fullRow, offsetRow) in fullRows.Skip(1).Zip(offsetRows.Skip(1)))
        {
            Assert.Equal(offsetRow[0], fullRow[columns.IndexOf("document")]);
            Assert.Equal(offsetRow[2], fullRow[columns.IndexOf("term")]);
            Assert.Equal(offsetRow[3], fullRow[columns.IndexOf("start")]);
            Assert.Equal(offsetRow[5], fullRow[^1]); // sentence, the last column (the context before it may hold commas)
        }

        foreach (var report in OtherReports)
        {
            Assert.Equal(File.ReadAllBytes(temp.File($"full/{report}")), File.ReadAllBytes(temp.File($"offsets/{report}")));
        }

        Assert.Equal("offsets", Option(temp.File("offsets"), "evidence"));
        Assert.Equal("full", Option(temp.File("full"), "evidence"));
    }

    [Fact]
    public void Analyze_EvidenceNone_WritesTheHeaderOnlyAndTheSameOtherReports()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.File("full"), "--quiet", "--no-charts");

        var (code, _, _) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.File("none"), "--quiet", "--no-charts", "--evidence", "none");

        Assert.Equal(2, code); // the mini corpus's skipped files
        var rows = Rows(temp.File($"none/{ReportFiles.Evidence}"));
        Assert.Equal([["document", "theme", "term", "start", "end", "sentence"]], rows);
        foreach (var report in OtherReports)
        {
            Assert.Equal(File.ReadAllBytes(temp.File($"full/{report}")), File.ReadAllBytes(temp.File($"none/{report}")));
        }

        Assert.Equal("none", Option(temp.File("none"), "evidence"));
    }

    [Fact]
    public void Analyze_UnknownEvidence_ExitsWith64NamingIt()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.File("out"), "--evidence", "snippets");

        Assert.Equal(64, code);
        Assert.Contains("--evidence snippets", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Theory]
    [InlineData("offsets")]
    [InlineData("none")]
    public void MergeShards_OfOneKind_GivesTheSingleRunsReports(string kind)
    {
        using var temp = new TempDirectory();
        var corpus = TestPaths.MiniCorpus;
        CliRunner.Run("analyze", corpus, "--out", temp.File("single"), "--quiet", "--evidence", kind);
        CliRunner.Run("analyze", corpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet", "--evidence", kind);
        CliRunner.Run("analyze", corpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet", "--evidence", kind);

        var (code, _, error) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--evidence", "copy");

        Assert.Equal(2, code); // the mini corpus's skipped files, as in a single run
        Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
        foreach (var report in OtherReports.Append(ReportFiles.Evidence))
        {
            Assert.Equal(File.ReadAllBytes(temp.File($"single/{report}")), File.ReadAllBytes(temp.File($"merged/{report}")));
        }

        Assert.Equal(kind, Option(temp.File("merged"), "evidence"));
    }

    [Fact]
    public void MergeShards_OfTwoKinds_IsRefusedNamingBoth()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet", "--evidence", "offsets");

        var (code, _, error) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"));

        Assert.Equal(65, code);
        Assert.Contains("offsets evidence", error, StringComparison.Ordinal);
        Assert.Contains("full evidence", error, StringComparison.Ordinal);
        Assert.Contains("--evidence", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    private static List<List<string>> Rows(string path) =>
        [.. File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).Select(l => l.TrimStart('\uFEFF').Split(',').ToList())];

    private static string? Option(string folder, string name)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "manifest.json")));
        return manifest.RootElement.GetProperty("options").GetProperty(name).GetString();
    }
}
