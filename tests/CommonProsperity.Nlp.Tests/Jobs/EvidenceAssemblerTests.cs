using System.Security.Cryptography;
using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Issue 14, item 5: a merge that leaves the evidence in the shards' folders lists its byte ranges in
/// <c>evidence_parts.csv</c>, and assembling them gives the <c>evidence.csv</c> of a copying merge
/// (and of a single run) byte for byte; a shard file missing or changed after the merge is refused by
/// name, with nothing written.
/// </summary>
public class EvidenceAssemblerTests
{
    public static TheoryData<string, int, EvidenceMode> Runs() => new()
    {
        { "shared", 2, EvidenceMode.Full },
        { "shared", 5, EvidenceMode.Full },
        { "shared", 3, EvidenceMode.Offsets },
        { "shared", 2, EvidenceMode.None },
        { "mini", 3, EvidenceMode.Full },
        { "mini", 1, EvidenceMode.Full },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void MergeWithEvidenceParts_ThenAssemble_GivesTheCopyingMergesReports(string corpus, int shards, EvidenceMode evidence)
    {
        // Arrange: a single run, the shards, and a merge that copies the evidence.
        using var temp = new TempDirectory();
        var (inputs, lexicon) = Corpus(corpus);
        var pipeline = new AnalysisPipeline(lexicon);
        pipeline.Run(new AnalysisOptions(inputs, temp.File("single"), new IngestionOptions(), Evidence: evidence));
        var folders = RunShards(temp, inputs, lexicon, shards, evidence);
        new ShardMerger().Merge(folders, temp.File("copied"), new MergeOptions(Evidence: MergeEvidence.Copy));

        // Act: the default merge, then assemble.
        new ShardMerger().Merge([.. folders.AsEnumerable().Reverse()], temp.File("merged"));
        var listed = File.Exists(temp.File("merged/evidence.csv"));
        var expected = File.ReadAllBytes(temp.File("copied/evidence.csv"));
        if (evidence == EvidenceMode.None)
        {
            // Shards that kept no evidence rows: their header is copied, nothing is left in the shards to assemble.
            Assert.True(listed, "a header-only evidence.csv is copied even by default");
            Assert.Equal(expected, File.ReadAllBytes(temp.File("merged/evidence.csv")));
            Assert.False(File.Exists(temp.File("merged/evidence_parts.csv")));
            Assert.Contains("nothing to assemble", Assert.Throws<InputException>(() => new EvidenceAssembler().Assemble(temp.File("merged"))).Message, StringComparison.Ordinal);
            return;
        }

        using (var before = JsonDocument.Parse(File.ReadAllText(temp.File("merged/manifest.json"))))
        {
            var parts = before.RootElement.GetProperty("evidence_parts");
            // Relative to the merged folder, as report.html gives it: no absolute path, nothing to quote (review of the seventh session).
            Assert.Equal("cpnlp evidence assemble .", parts.GetProperty("assemble").GetString());
            Assert.Contains("evidence.csv is not in this folder", parts.GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.Contains("by: cpnlp evidence assemble . run in this folder (it checks", parts.GetProperty("note").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(temp.Path, before.RootElement.GetProperty("evidence_parts").GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain(ReportFiles.Evidence, before.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        }

        var assembly = new EvidenceAssembler().Assemble(temp.File("merged"));

        // Assert
        Assert.False(listed, "a merge that leaves the evidence in the shards writes no evidence.csv");
        Assert.Equal(expected, File.ReadAllBytes(temp.File("single/evidence.csv")));
        Assert.Equal(expected, File.ReadAllBytes(temp.File("merged/evidence.csv")));
        Assert.Equal(expected.Length, assembly.Bytes);
        foreach (var report in new[] { ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency })
        {
            Assert.Equal(File.ReadAllBytes(temp.File($"copied/{report}")), File.ReadAllBytes(temp.File($"merged/{report}")));
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("merged/manifest.json")));
        var reports = manifest.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Equal([ReportFiles.Evidence, ReportFiles.EvidenceParts], reports.Take(2));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(expected)), manifest.RootElement.GetProperty("report_sha256").GetProperty(ReportFiles.Evidence).GetString());
        Assert.Equal(expected.Length, manifest.RootElement.GetProperty("evidence_parts").GetProperty("bytes").GetInt64());
        Assert.Equal(ManifestJson.EvidencePartsJson.AssembledNote, manifest.RootElement.GetProperty("evidence_parts").GetProperty("note").GetString());
        Assert.False(manifest.RootElement.GetProperty("evidence_parts").TryGetProperty("assemble", out _), "the command is done once assembled");
    }

    [Fact]
    public void EvidenceParts_ListTheRangesInFileOrder_HeaderOnlyInTheFirst()
    {
        using var temp = new TempDirectory();
        var (inputs, lexicon) = Corpus("shared");
        var folders = RunShards(temp, inputs, lexicon, 3, EvidenceMode.Full);

        new ShardMerger().Merge(folders, temp.File("merged"), new MergeOptions(Evidence: MergeEvidence.Parts));

        var rows = File.ReadAllLines(temp.File("merged/evidence_parts.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var preamble = EvidenceFile.PreambleFor(lexicon, EvidenceMode.Full).Length;
        Assert.Equal("0", rows[0][1]); // the first range starts with its file's header
        Assert.True(long.Parse(rows[0][2], System.Globalization.CultureInfo.InvariantCulture) > preamble);
        Assert.All(rows, r => Assert.StartsWith("../shard-", r[0], StringComparison.Ordinal));
        Assert.All(rows.Skip(1), r => Assert.True(long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture) >= preamble, "only the first range holds a header"));
        // Each file's ranges follow one another in it, in order, from its header to its end.
        foreach (var file in rows.GroupBy(r => r[0]))
        {
            var ranges = file.Select(r => (Offset: long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture), Bytes: long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
            var start = ranges[0].Offset == 0 ? 0 : preamble;
            Assert.Equal(start, ranges[0].Offset);
            Assert.Equal(long.Parse(file.First()[4], System.Globalization.CultureInfo.InvariantCulture), ranges[^1].Offset + ranges[^1].Bytes);
            Assert.All(ranges.Zip(ranges.Skip(1)), p => Assert.True(p.First.Offset + p.First.Bytes <= p.Second.Offset, "ranges in file order, none overlapping"));
        }
    }

    [Fact]
    public void Assemble_ShardFolderMoved_IsRefusedNamingTheFileAndHowToFix()
    {
        using var temp = new TempDirectory();
        var folders = MergeWithParts(temp);
        Directory.Move(folders[1], temp.File("elsewhere"));

        var error = Assert.Throws<InputException>(() => new EvidenceAssembler().Assemble(temp.File("merged")));

        Assert.StartsWith(Path.Combine(folders[1], ReportFiles.PartialEvidence), error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Put the shard's folder back", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("merged/evidence.csv")));
    }

    [Fact]
    public void Assemble_ShardFileChangedInPlace_IsRefusedByItsChecksumWithNothingWritten()
    {
        using var temp = new TempDirectory();
        var folders = MergeWithParts(temp);
        var manifestBefore = File.ReadAllBytes(temp.File("merged/manifest.json"));
        var evidence = Path.Combine(folders[0], ReportFiles.PartialEvidence);
        var bytes = File.ReadAllBytes(evidence);
        bytes[^3] ^= 0x01; // same size, other content
        File.WriteAllBytes(evidence, bytes);

        var error = Assert.Throws<InputException>(() => new EvidenceAssembler().Assemble(temp.File("merged")));

        Assert.StartsWith(evidence, error.Message, StringComparison.Ordinal);
        Assert.Contains("changed after the merge: its SHA-256 is", error.Message, StringComparison.Ordinal);
        Assert.Contains("run that shard again and merge again", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("merged/evidence.csv")));
        Assert.Equal(manifestBefore, File.ReadAllBytes(temp.File("merged/manifest.json")));
        Assert.Empty(Directory.GetFileSystemEntries(temp.File("merged"), ".cpnlp*"));
    }

    [Fact]
    public void Assemble_ShardFileTruncated_IsRefusedBySizeBeforeWriting()
    {
        using var temp = new TempDirectory();
        var folders = MergeWithParts(temp);
        var evidence = Path.Combine(folders[1], ReportFiles.PartialEvidence);
        using (var stream = File.OpenWrite(evidence))
        {
            stream.SetLength(stream.Length - 10);
        }

        var error = Assert.Throws<InputException>(() => new EvidenceAssembler().Assemble(temp.File("merged")));

        Assert.StartsWith(evidence, error.Message, StringComparison.Ordinal);
        Assert.Contains("bytes, but had", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("merged/evidence.csv")));
    }

    [Fact]
    public void Assemble_EditedListing_IsRefusedByTheManifestsChecksum()
    {
        using var temp = new TempDirectory();
        MergeWithParts(temp);
        File.AppendAllText(temp.File("merged/evidence_parts.csv"), "../shard-0/partial_evidence.csv,0,1,0,1,x\r\n");

        var error = Assert.Throws<InputException>(() => new EvidenceAssembler().Assemble(temp.File("merged")));

        Assert.StartsWith(temp.File("merged/evidence_parts.csv"), error.Message, StringComparison.Ordinal);
        Assert.Contains("changed after the merge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Assemble_FolderOfACopyingMerge_SaysThereIsNothingToAssemble()
    {
        using var temp = new TempDirectory();
        var (inputs, lexicon) = Corpus("mini");
        new ShardMerger().Merge(RunShards(temp, inputs, lexicon, 2, EvidenceMode.Full), temp.File("merged"), new MergeOptions(Evidence: MergeEvidence.Copy));

        var error = Assert.Throws<InputException>(() => new EvidenceAssembler().Assemble(temp.File("merged")));

        Assert.Contains("the merge copied it, so there is nothing to assemble", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ShardEvidenceOfTheWrongSize_IsRefusedNamingTheShard()
    {
        using var temp = new TempDirectory();
        var (inputs, lexicon) = Corpus("shared");
        var folders = RunShards(temp, inputs, lexicon, 2, EvidenceMode.Full);
        File.AppendAllText(Path.Combine(folders[1], ReportFiles.PartialEvidence), "x,y\r\n");

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged"), new MergeOptions(Evidence: MergeEvidence.Parts)));

        Assert.StartsWith(folders[1], error.Message, StringComparison.Ordinal);
        Assert.Contains("partial_evidence.csv was changed after the shard wrote it", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void MergeAgainWithEvidenceParts_AfterAssembling_RemovesTheOldEvidence()
    {
        using var temp = new TempDirectory();
        var folders = MergeWithParts(temp);
        new EvidenceAssembler().Assemble(temp.File("merged"));

        new ShardMerger().Merge(folders, temp.File("merged"), new MergeOptions(Evidence: MergeEvidence.Parts));

        Assert.False(File.Exists(temp.File("merged/evidence.csv")), "an evidence.csv of an earlier merge would not be this merge's");
        Assert.True(File.Exists(temp.File("merged/evidence_parts.csv")));
    }

    [Theory]
    [InlineData("run/reports", "cpnlp evidence assemble run/reports")]
    [InlineData("/data/run-1/reports_2026.11", "cpnlp evidence assemble /data/run-1/reports_2026.11")]
    [InlineData("my run/it's", "cpnlp evidence assemble 'my run/it'\\''s'")]
    [InlineData("$HOME/a;b", "cpnlp evidence assemble '$HOME/a;b'")]
    public void CommandFor_QuotesTheFolderForAShellOnlyWhenItMustBe(string folder, string command) =>
        Assert.Equal(command, EvidenceAssembler.CommandFor(folder));

    private static List<string> MergeWithParts(TempDirectory temp)
    {
        var (inputs, lexicon) = Corpus("shared");
        var folders = RunShards(temp, inputs, lexicon, 3, EvidenceMode.Full);
        new ShardMerger().Merge(folders, temp.File("merged"), new MergeOptions(Evidence: MergeEvidence.Parts));
        return folders;
    }

    private static List<string> RunShards(TempDirectory temp, List<string> inputs, Lexicon lexicon, int shards, EvidenceMode evidence)
    {
        var folders = Enumerable.Range(0, shards).Select(i => temp.File($"shard-{i}")).ToList();
        for (var i = 0; i < shards; i++)
        {
            new AnalysisPipeline(lexicon).Run(new AnalysisOptions(inputs, folders[i], new IngestionOptions(), Evidence: evidence, Shard: new ShardSpec(i, shards)));
        }

        return folders;
    }

    private static (List<string> Inputs, Lexicon Lexicon) Corpus(string name) => name == "shared"
        ? ([Path.Combine(TestPaths.Shared, "corpus")], DefaultLexicon.Instance)
        : ([TestPaths.MiniCorpus, Path.Combine(TestPaths.RepoRoot, "corpus")], LexiconLoader.Load(TestPaths.MiniLexicon));
}
