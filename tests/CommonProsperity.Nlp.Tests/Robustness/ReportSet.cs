using System.Security.Cryptography;
using System.Text.Json;
using CommonProsperity.Nlp.Reporting;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// The reports an <c>analyze</c> run leaves in its output folder, read back and checked to be one
/// whole set: exactly the report files, nothing half-written or left over, and every CSV's SHA-256
/// equal to the one its manifest records.
/// </summary>
/// <param name="CsvHashes">The SHA-256 of each CSV report (the manifest differs from run to run by its timings).</param>
internal sealed record ReportSet(IReadOnlyDictionary<string, string> CsvHashes)
{
    public static readonly string[] Csvs =
        [ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency];

    /// <summary>Reads <paramref name="folder"/>, failing the test unless it holds one complete, self-consistent set.</summary>
    public static ReportSet ReadWhole(string folder)
    {
        var entries = Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Csvs.Append(ReportFiles.Manifest).Order(StringComparer.Ordinal), entries);
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ReportFiles.Manifest)));
        var recorded = manifest.RootElement.GetProperty("report_sha256");
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var csv in Csvs)
        {
            hashes[csv] = Sha256(Path.Combine(folder, csv));
            Assert.True(recorded.GetProperty(csv).GetString() == hashes[csv], $"{csv} does not match the SHA-256 in manifest.json: the set is mixed");
        }

        return new ReportSet(hashes);
    }

    public bool SameAs(ReportSet other) => Csvs.All(csv => CsvHashes[csv] == other.CsvHashes[csv]);

    /// <summary>Hidden staging folders of runs on <paramref name="output"/>, beside it.</summary>
    public static string[] StagingFolders(string output) =>
        Directory.GetDirectories(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.cpnlp-*");

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
