using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Issue 9, item 4: a merge trusts nothing it reads. Shards of folders with the same file names but
/// other content, partial files edited after the shard wrote them, and numbers that make no sense
/// are refused, naming the shard and what differs, before any report is written.
/// </summary>
public class ShardVerificationTests
{
    [Fact]
    public void Merge_ShardsOfSameNamesWithOtherContent_IsRefusedNamingTheFile()
    {
        // Arrange: two corpora with the same file names; shard 0 reads one, shard 1 the other.
        using var temp = new TempDirectory();
        for (var d = 0; d < 6; d++)
        {
            temp.Write($"a/d{d}.txt", $"Common prosperity and the income gap, document {d}.");
            temp.Write($"b/d{d}.txt", $"Charity and philanthropy grow, document {d}; inequality falls.");
        }

        var pipeline = new AnalysisPipeline(DefaultLexicon.Instance);
        pipeline.Run(new AnalysisOptions([temp.File("a")], temp.File("s0"), new IngestionOptions(), Shard: new ShardSpec(0, 2)));
        pipeline.Run(new AnalysisOptions([temp.File("b")], temp.File("s1"), new IngestionOptions(), Shard: new ShardSpec(1, 2)));

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge([temp.File("s0"), temp.File("s1")], temp.File("merged")));

        // Assert
        Assert.StartsWith(temp.File("s1"), error.Message, StringComparison.Ordinal);
        Assert.Contains($"it read other input files than {temp.File("s0")}: 'd0.txt' has other content (SHA-256 ", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void Merge_EditedPartialDocuments_IsRefusedByItsChecksum()
    {
        // Arrange
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        var documents = Path.Combine(shard, ReportFiles.PartialDocuments);
        File.WriteAllText(documents, File.ReadAllText(documents).Replace("\"tokens\":", "\"tokens\":1", StringComparison.Ordinal));

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        // Assert
        Assert.StartsWith(shard, error.Message, StringComparison.Ordinal);
        Assert.Contains("partial_documents.jsonl was changed after the shard wrote it", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    /// <summary>
    /// A merge that copies the evidence checks it as it copies (issue 14, item 5: read once), so damage is
    /// found only after rows were written: the merged folder must still not appear. (The default merge
    /// leaves the evidence in the shards and checks it when it is assembled: EvidenceAssemblerTests.)
    /// </summary>
    [Theory]
    [InlineData("one byte changed")]
    [InlineData("truncated")]
    [InlineData("a row added")]
    public void Merge_EditedPartialEvidence_IsRefusedByItsChecksumAndWritesNothing(string edit)
    {
        // Arrange
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        var evidence = Path.Combine(shard, ReportFiles.PartialEvidence);
        var bytes = File.ReadAllBytes(evidence);
        bytes = edit switch
        {
            "one byte changed" => [.. bytes[..^3], (byte)(bytes[^3] ^ 1), .. bytes[^2..]],
            "truncated" => bytes[..^10],
            _ => [.. bytes, .. "x.txt,control,state,1,2,3,the state,x\r\n"u8.ToArray()],
        };
        File.WriteAllBytes(evidence, bytes);

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged"), new MergeOptions(Evidence: MergeEvidence.Copy)));

        // Assert
        Assert.StartsWith(shard, error.Message, StringComparison.Ordinal);
        Assert.Contains("partial_evidence.csv was changed after the shard wrote it", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void Merge_EditedListOfInputFiles_IsRefusedByTheFingerprint()
    {
        // Arrange: the list is read from the first shard only (the others share its fingerprint).
        using var temp = new TempDirectory();
        var (folders, _) = RunShards(temp);
        var listing = Path.Combine(folders[0], ReportFiles.PartialFiles);
        File.WriteAllText(listing, File.ReadAllText(listing).Replace(".txt\"", ".TXT\"", StringComparison.Ordinal));

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        // Assert
        Assert.StartsWith(listing, error.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the fingerprint", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void Merge_PartialResultsWithoutChecksums_AreRefused()
    {
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        File.Delete(Path.Combine(shard, ReportFiles.PartialChecksums));

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        Assert.StartsWith(shard, error.Message, StringComparison.Ordinal);
        Assert.Contains("there is no partial.sha256", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Edits that keep the checksums right (recomputed by hand): the numbers themselves are checked.</summary>
    public static TheoryData<string, string> Edits() => new()
    {
        { "theme-hits", "hits, but its terms have" },
        { "term-and-theme-hits", "(one evidence row per hit)" },
        { "negative-evidence-bytes", "evidence_bytes -5 and evidence_rows" },
        { "huge-evidence-bytes", "bytes left in partial_evidence.csv" },
        { "unknown-term", "is not a term of the lexicon" },
        { "file-index", "is not one of the run's" },
        { "negative-tokens", "a count is negative" },
        { "vetoed-without-exclusions", "vetoed matches but no exclusions" },
        { "negative-vetoed", "vetoed matches." },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Merge_PartialDocumentsWithNumbersThatDoNotAddUp_AreRefusedNamingTheLine(string edit, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        EditFirstDocumentWithHits(shard, edit);

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        // Assert
        Assert.StartsWith(Path.Combine(shard, ReportFiles.PartialDocuments) + ": line ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("run the shard again", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void MergeCommand_NegativeEvidenceBytes_ExitsWith65WithoutAStackTrace()
    {
        // Arrange
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        EditFirstDocumentWithHits(shard, "negative-evidence-bytes");

        // Act
        var (code, _, error) = CliRunner.Run(["merge", .. folders, "--out", temp.File("merged")]);

        // Assert
        Assert.Equal(65, code);
        Assert.Contains("evidence_bytes -5", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_HeaderTotalsEdited_AreRefused()
    {
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        var header = Path.Combine(shard, ReportFiles.PartialHeader);
        var json = JsonNode.Parse(File.ReadAllText(header))!;
        json["tokens"] = json["tokens"]!.GetValue<long>() + 1000;
        File.WriteAllText(header, json.ToJsonString());
        Rehash(shard);

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        Assert.StartsWith(shard, error.Message, StringComparison.Ordinal);
        Assert.Contains("partial.json records", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ShardThatCountedOtherPerDocumentNumbers_IsRefusedSayingToRunItAgain()
    {
        // Arrange: a shard of a cpnlp that counted one number more per document than this one declares.
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        var header = Path.Combine(shard, ReportFiles.PartialHeader);
        var json = JsonNode.Parse(File.ReadAllText(header))!;
        json["document_numbers"]!.AsArray().Add("a_newer_number");
        File.WriteAllText(header, json.ToJsonString());
        Rehash(shard);

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        // Assert
        Assert.StartsWith(shard, error.Message, StringComparison.Ordinal);
        var declared = string.Join(", ", DocumentNumbers.All.Select(n => n.Name));
        Assert.Contains($"the shard counted the per-document numbers {declared}, a_newer_number, but this cpnlp counts {declared}.", error.Message, StringComparison.Ordinal);
        Assert.Contains("run the shard again", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void Merge_ShardOfThePreviousFormat_IsRefusedNamingBothFormats()
    {
        // Arrange: format 4 kept tokens, words and sentences as separate properties of each document line.
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        var header = Path.Combine(shard, ReportFiles.PartialHeader);
        var json = JsonNode.Parse(File.ReadAllText(header))!;
        json["format"] = "cpnlp-partial/4";
        File.WriteAllText(header, json.ToJsonString());
        Rehash(shard);

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        // Assert
        Assert.Contains($"the partial results are in format 'cpnlp-partial/4', not {ShardHeader.Format}.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run every shard and the merge with the same version of cpnlp", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("header", "tokens")]
    [InlineData("header", "lexicon")]
    [InlineData("document", "characters")]
    [InlineData("document", "themes")]
    [InlineData("document", "numbers")]
    public void Merge_APropertyRemoved_IsRefusedAsDamaged(string file, string property)
    {
        // Arrange
        using var temp = new TempDirectory();
        var (folders, shard) = RunShards(temp);
        if (file == "header")
        {
            var header = Path.Combine(shard, ReportFiles.PartialHeader);
            var json = JsonNode.Parse(File.ReadAllText(header))!.AsObject();
            json.Remove(property);
            File.WriteAllText(header, json.ToJsonString());
        }
        else
        {
            var path = Path.Combine(shard, ReportFiles.PartialDocuments);
            var lines = File.ReadAllLines(path);
            var json = JsonNode.Parse(lines[0])!.AsObject();
            json.Remove(property);
            lines[0] = json.ToJsonString();
            File.WriteAllLines(path, lines);
        }

        Rehash(shard);

        // Act
        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge(folders, temp.File("merged")));

        // Assert
        Assert.Contains(file == "header" ? "cannot read the partial results" : "line 1 is not a document record", error.Message, StringComparison.Ordinal);
        Assert.Contains(property, error.Message, StringComparison.Ordinal);
        Assert.Contains("run the shard again", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    private static (List<string> Folders, string WithDocuments) RunShards(TempDirectory temp)
    {
        var folders = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            folders.Add(temp.File($"shard-{i}"));
            new AnalysisPipeline(DefaultLexicon.Instance).Run(new AnalysisOptions([TestPaths.MiniCorpus], folders[i], new IngestionOptions(), Shard: new ShardSpec(i, 2)));
        }

        var withHits = folders.First(f => File.ReadAllLines(Path.Combine(f, ReportFiles.PartialDocuments)).Any(l => JsonNode.Parse(l)!["terms"]!.AsArray().Count > 0));
        return (folders, withHits);
    }

    /// <summary>Edits the first document record with hits as <paramref name="edit"/> says, then writes the checksums again.</summary>
    private static void EditFirstDocumentWithHits(string shard, string edit)
    {
        var path = Path.Combine(shard, ReportFiles.PartialDocuments);
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => JsonNode.Parse(l)!["terms"]!.AsArray().Count > 0);
        var d = JsonNode.Parse(lines[at])!;
        var header = JsonNode.Parse(File.ReadAllText(Path.Combine(shard, ReportFiles.PartialHeader)))!;
        var term = d["terms"]![0]!;
        var themeOfTerm = header["lexicon"]!["terms"]![term[0]!.GetValue<int>()]!["theme"]!.GetValue<string>();
        var theme = header["lexicon"]!["themes"]!.AsArray().Select(t => t!.GetValue<string>()).ToList().IndexOf(themeOfTerm);
        switch (edit)
        {
            case "theme-hits":
                d["themes"]![theme]![0] = d["themes"]![theme]![0]!.GetValue<int>() + 5000;
                break;
            case "term-and-theme-hits":
                term[1] = term[1]!.GetValue<int>() + 5000;
                d["themes"]![theme]![0] = d["themes"]![theme]![0]!.GetValue<int>() + 5000;
                break;
            case "negative-evidence-bytes":
                d["evidence_bytes"] = -5;
                break;
            case "huge-evidence-bytes":
                d["evidence_bytes"] = int.MaxValue;
                break;
            case "unknown-term":
                term[0] = 100_000;
                break;
            case "file-index":
                d["file"] = 100_000;
                break;
            case "negative-tokens":
                d["numbers"]!["tokens"] = -1;
                break;
            case "vetoed-without-exclusions":
                Assert.Empty(header["lexicon"]!["terms"]![term[0]!.GetValue<int>()]!["exclude"]?.AsArray() ?? []);
                term.AsArray().Add(3);
                break;
            case "negative-vetoed":
                term.AsArray().Add(-1);
                break;
        }

        lines[at] = d.ToJsonString();
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        Rehash(shard);
    }

    /// <summary>Writes partial.sha256 again as someone editing the files by hand could.</summary>
    private static void Rehash(string shard)
    {
        var names = new[] { ReportFiles.PartialHeader, ReportFiles.PartialDocuments, ReportFiles.PartialEvidence };
        File.WriteAllText(Path.Combine(shard, ReportFiles.PartialChecksums),
            string.Concat(names.Select(n => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(shard, n)))) + "  " + n + "\n")));
    }
}
