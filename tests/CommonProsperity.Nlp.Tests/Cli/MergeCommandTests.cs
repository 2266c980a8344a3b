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
        var (merge, output, error) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"));

        Assert.Equal([0, 0, 0, 0], new[] { single, shard0, shard1, merge });
        Assert.Contains("cpnlp merge", out0, StringComparison.Ordinal);
        Assert.Contains("Merged 2 shard(s): 13 document(s)", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        foreach (var report in new[] { ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency })
        {
            Assert.Equal(File.ReadAllBytes(temp.File($"single/{report}")), File.ReadAllBytes(temp.File($"merged/{report}")));
        }
    }

    [Fact]
    public void MergeWithEvidenceParts_ThenEvidenceAssemble_WritesTheSingleRunEvidence()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");
        CliRunner.Run("analyze", corpus, "--out", temp.File("single"), "--quiet");
        CliRunner.Run("analyze", corpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", corpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");

        var (merge, mergeOutput, _) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--evidence-parts");
        var before = File.Exists(temp.File("merged/evidence.csv"));
        var (assemble, output, error) = CliRunner.Run("evidence", "assemble", temp.File("merged"));

        Assert.Equal([0, 0], new[] { merge, assemble });
        Assert.False(before);
        Assert.Contains($"cpnlp evidence assemble {temp.File("merged")}", mergeOutput, StringComparison.Ordinal);
        Assert.Contains("Assembled ", output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, error);
        Assert.Equal(File.ReadAllBytes(temp.File("single/evidence.csv")), File.ReadAllBytes(temp.File("merged/evidence.csv")));
    }

    [Fact]
    public void EvidenceAssemble_ShardMoved_ExitsWith65NamingTheFlagToAvoidIt()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");
        CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--evidence-parts");
        Directory.Delete(temp.File("s1"), recursive: true);

        var (code, _, error) = CliRunner.Run("evidence", "assemble", temp.File("merged"));

        Assert.Equal(65, code);
        Assert.Contains(Path.Combine(temp.File("s1"), ReportFiles.PartialEvidence), error, StringComparison.Ordinal);
        Assert.Contains("without --evidence-parts", error, StringComparison.Ordinal);
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
