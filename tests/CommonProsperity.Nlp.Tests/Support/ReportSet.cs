using System.Security.Cryptography;
using System.Text.Json;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// The reports an <c>analyze</c> run leaves in its output folder, read back and checked to be one
/// whole set: exactly the report files (beside the tool's hidden <c>.cpnlp*</c> entries), nothing half-written or left over, and every CSV's SHA-256
/// equal to the one its manifest records.
/// </summary>
/// <param name="CsvHashes">The SHA-256 of each report but the manifest (which differs from run to run by its timings).</param>
internal sealed record ReportSet(IReadOnlyDictionary<string, string> CsvHashes)
{
    public static readonly string[] Reports =
        [ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency, ReportFiles.Report];

    /// <summary>Reads <paramref name="folder"/>, failing the test unless it holds one complete, self-consistent set.</summary>
    /// <param name="folder">The output folder.</param>
    /// <param name="ignore">Entries of the user's that the folder also holds.</param>
    public static ReportSet ReadWhole(string folder, IReadOnlyCollection<string>? ignore = null)
    {
        var entries = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName)
            .Where(n => !n!.StartsWith(".cpnlp", StringComparison.Ordinal) && !(ignore ?? []).Contains(n!)).Order(StringComparer.Ordinal).ToArray();
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ReportFiles.Manifest)));
        var listed = manifest.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(listed, entries);
        Assert.Subset(listed.ToHashSet(), Reports.Append(ReportFiles.Manifest).ToHashSet());
        var recorded = manifest.RootElement.GetProperty("report_sha256");
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in listed.Where(r => r != ReportFiles.Manifest))
        {
            hashes[report] = Sha256(Path.Combine(folder, report));
            Assert.True(recorded.GetProperty(report).GetString() == hashes[report], $"{report} does not match the SHA-256 in manifest.json: the set is mixed");
        }

        return new ReportSet(hashes);
    }

    public bool SameAs(ReportSet other) => CsvHashes.Count == other.CsvHashes.Count && CsvHashes.All(kv => other.CsvHashes.TryGetValue(kv.Key, out var h) && h == kv.Value);

    /// <summary>Hidden staging folders of runs on <paramref name="output"/>, inside it.</summary>
    public static string[] StagingFolders(string output) =>
        Directory.Exists(output) ? Directory.GetDirectories(output, ".cpnlp-staging-*") : [];

    /// <summary>The journal of a commit that a killed run left half done in <paramref name="output"/>.</summary>
    public static bool PendingCommit(string output) => File.Exists(Path.Combine(output, ".cpnlp-commit.json"));

    /// <summary>What any cpnlp command does first when it opens <paramref name="output"/>: completes a half-done commit.</summary>
    public static void Recover(string output) => OutputDirectory.Open(output).Dispose();

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
