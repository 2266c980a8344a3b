using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// <c>partial.sha256</c>: the SHA-256 of a shard's <c>partial.json</c>, <c>partial_documents.jsonl</c> and
/// <c>partial_evidence.csv</c>, one <c>HASH  NAME</c> line each, the format of <c>sha256sum</c> (so that
/// <c>sha256sum -c partial.sha256</c> checks a shard by hand). A merge checks the header and the
/// documents before reading anything and the evidence as it copies it (before any report is in place), so a partial file edited, truncated or copied from another shard is refused. It guards
/// against accidents and damage, not forgery: whoever edits a file can compute its hash again, which is
/// why the merge also checks every number it reads.
/// </summary>
internal static class PartialChecksums
{
    private static readonly string[] Covered = [ReportFiles.PartialHeader, ReportFiles.PartialDocuments, ReportFiles.PartialEvidence];

    /// <summary>Writes the checksums of the staged partial files <paramref name="stagedFiles"/> (by file name) to <paramref name="path"/>.</summary>
    public static void Write(string path, Func<string, string> stagedFiles)
    {
        var text = new StringBuilder();
        foreach (var name in Covered)
        {
            text.Append(Sha256Of(stagedFiles(name))).Append("  ").Append(name).Append('\n');
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    /// <summary>
    /// Checks <c>partial.json</c> and <c>partial_documents.jsonl</c> in <paramref name="folder"/> against its
    /// <c>partial.sha256</c>, and returns the checksum it records for <c>partial_evidence.csv</c>: the
    /// evidence, the one large file, is checked as a merge reads it (<see cref="Changed"/>), so that it is read once.
    /// </summary>
    /// <exception cref="InputException">The checksums are missing, or a file does not match its own.</exception>
    public static string Verify(string folder)
    {
        var path = Path.Combine(folder, ReportFiles.PartialChecksums);
        if (!File.Exists(path))
        {
            throw new InputException($"there is no {ReportFiles.PartialChecksums}, so the partial results cannot be checked (they were written by an older cpnlp, or copied without it).", folder,
                fix: "Run the shard again with this version of cpnlp.");
        }

        var recorded = new Dictionary<string, string>(StringComparer.Ordinal);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var parts = text.Split("  ", 2, StringSplitOptions.None);
            if (parts.Length != 2 || parts[0].Length != 64 || !parts[0].All(char.IsAsciiHexDigitLower))
            {
                throw new InputException($"line {line.ToString(CultureInfo.InvariantCulture)} is not 'SHA256  FILE'.", path, fix: "The shard's output is damaged; run the shard again.");
            }

            recorded[parts[1]] = parts[0];
        }

        foreach (var name in Covered)
        {
            if (!recorded.TryGetValue(name, out var expected))
            {
                throw new InputException($"{ReportFiles.PartialChecksums} has no checksum for {name}.", folder, fix: "The shard's output is damaged; run the shard again.");
            }

            if (!string.Equals(name, ReportFiles.PartialEvidence, StringComparison.Ordinal) && Sha256Of(Path.Combine(folder, name)) is var actual && !string.Equals(actual, expected, StringComparison.Ordinal))
            {
                throw Changed(folder, name, actual, expected);
            }
        }

        return recorded[ReportFiles.PartialEvidence];
    }

    /// <summary>Checks one covered file in <paramref name="folder"/> against <paramref name="expected"/> (when a merge finds its evidence wanting, to say whether it was changed).</summary>
    /// <exception cref="InputException">It does not match.</exception>
    public static void VerifyFile(string folder, string name, string expected)
    {
        var actual = Sha256Of(Path.Combine(folder, name));
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            throw Changed(folder, name, actual, expected);
        }
    }

    /// <summary>The error for a partial file whose SHA-256 is not the one recorded.</summary>
    public static InputException Changed(string folder, string name, string actual, string expected) =>
        new($"{name} was changed after the shard wrote it: its SHA-256 is {actual[..12]}…, but {ReportFiles.PartialChecksums} records {expected[..12]}….", folder,
            fix: "Partial results must be merged as the shard wrote them; run the shard again to replace them.");

    /// <summary>The SHA-256 of the file at <paramref name="path"/>, in lower-case hex.</summary>
    internal static string Sha256Of(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
