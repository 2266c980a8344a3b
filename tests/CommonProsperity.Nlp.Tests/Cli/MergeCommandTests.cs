using System.Globalization;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public class MergeCommandTests
{
    [Fact]
    public void AnalyzeShardsThenMerge_WritesTheSingleRunReports()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");
        var (single, _, _) = CliRunner.Run("analyze", corpus, "--out", temp.File("single"), "--quiet");

        var (shard0, out0, _) = CliRunner.Run("analyze", corpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        var (shard1, _, _) = CliRunner.Run("analyze", corpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");
        var (merge, output, error) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--evidence", "copy");

        Assert.Equal([0, 0, 0, 0], new[] { single, shard0, shard1, merge });
        Assert.Contains("cpnlp merge", out0, StringComparison.Ordinal);
        Assert.Contains("Merged 2 shard(s): 13 document(s)", output, StringComparison.Ordinal);
        Assert.Contains("The evidence was copied into evidence.csv: the merged folder stands on its own.", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        foreach (var report in new[] { ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency })
        {
            Assert.Equal(File.ReadAllBytes(temp.File($"single/{report}")), File.ReadAllBytes(temp.File($"merged/{report}")));
        }
    }

    /// <summary>The default merge leaves the evidence in the shards, and says so plainly, with the command that writes it.</summary>
    [Fact]
    public void Merge_ByDefault_SaysEvidenceIsNotInTheFolder_ThenEvidenceAssemble_WritesTheSingleRunEvidence()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");
        CliRunner.Run("analyze", corpus, "--out", temp.File("single"), "--quiet");
        CliRunner.Run("analyze", corpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", corpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");

        var (merge, mergeOutput, _) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"));
        var before = File.Exists(temp.File("merged/evidence.csv"));
        var page = File.ReadAllText(temp.File("merged/report.html"));
        var manifest = File.ReadAllText(temp.File("merged/manifest.json"));
        var (assemble, output, error) = CliRunner.Run("evidence", "assemble", temp.File("merged"));

        Assert.Equal([0, 0], new[] { merge, assemble });
        Assert.False(before);
        var command = $"cpnlp evidence assemble {temp.File("merged")}";
        Assert.Contains($"evidence.csv is NOT in {temp.File("merged")}", mergeOutput, StringComparison.Ordinal);
        Assert.Contains("Keep the shards' folders in place and unchanged", mergeOutput, StringComparison.Ordinal);
        Assert.Contains($"\n  {command}\n".ReplaceLineEndings(), mergeOutput.ReplaceLineEndings(), StringComparison.Ordinal);
        Assert.Contains("\"assemble\":\"cpnlp evidence assemble .\"", page, StringComparison.Ordinal); // run in the folder: no absolute path, nothing to quote
        Assert.Contains("\"assemble\": \"cpnlp evidence assemble .\"", manifest, StringComparison.Ordinal); // the manifest gives the same command as the page
        Assert.DoesNotContain(temp.Path.Replace("/", "\\u002F", StringComparison.Ordinal), page.Replace("/", "\\u002F", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Assembled ", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        Assert.Equal(File.ReadAllBytes(temp.File("single/evidence.csv")), File.ReadAllBytes(temp.File("merged/evidence.csv")));
        var bytes = new FileInfo(temp.File("merged/evidence.csv")).Length; // the size the merge listed: the evidence once assembled
        var size = bytes >= 1_000_000 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB") : string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes");
        Assert.Contains($"the evidence ({size}, in the shards' partial_evidence.csv files)", mergeOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void EvidenceAssemble_ShardMoved_ExitsWith65NamingTheFlagToAvoidIt()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");
        // The former flag, now the default, still works.
        var (merge, output, _) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--evidence-parts");
        Directory.Delete(temp.File("s1"), recursive: true);

        var (code, _, error) = CliRunner.Run("evidence", "assemble", temp.File("merged"));

        Assert.True(merge is 0 or 2, output);
        Assert.Contains("evidence.csv is NOT in", output, StringComparison.Ordinal);
        Assert.Equal(65, code);
        Assert.Contains(Path.Combine(temp.File("s1"), ReportFiles.PartialEvidence), error, StringComparison.Ordinal);
        Assert.Contains("with --evidence copy", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("offsets", "--evidence offsets is a choice of analyze")]
    [InlineData("folder", "--evidence folder is not a place for the evidence. Use --evidence parts or --evidence copy.")]
    public void Merge_BadEvidenceChoice_ExitsWith64(string choice, string message)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("merge", temp.File("s0"), "--out", temp.File("merged"), "--evidence", choice);
        var (both, _, bothError) = CliRunner.Run("merge", temp.File("s0"), "--out", temp.File("merged"), "--evidence", "copy", "--evidence-parts");

        Assert.Equal([64, 64], new[] { code, both });
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("--evidence-parts and --evidence copy contradict each other", bothError, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_NoChartsNoHtml_WritesNeitherAndTheManifestSaysSo()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");

        var (code, output, _) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--no-charts", "--no-html");

        Assert.True(code is 0 or 2, output);
        Assert.Empty(Directory.GetFiles(temp.File("merged"), "*.png"));
        Assert.False(File.Exists(temp.File("merged/report.html")));
        Assert.True(File.Exists(temp.File("merged/theme_frequency.csv")));
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp.File("merged/manifest.json")));
        Assert.Equal("no", manifest.RootElement.GetProperty("options").GetProperty("charts").GetString());
        Assert.Equal("no", manifest.RootElement.GetProperty("options").GetProperty("html").GetString());
    }

    [Theory]
    [InlineData("2/2")]
    [InlineData("half")]
    public void Analyze_BadShard_ExitsWith64(string shard)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", shard, "--out", temp.File("out"));

        Assert.Equal(64, code);
        Assert.Contains($"--shard {shard}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_MissingShard_ExitsWith65NamingIt()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");

        var (code, _, error) = CliRunner.Run("merge", temp.File("s0"), "--out", temp.File("merged"));

        Assert.Equal(65, code);
        Assert.Contains("1/2", error, StringComparison.Ordinal);
        Assert.Contains(temp.File("s0"), error, StringComparison.Ordinal);
    }
}
