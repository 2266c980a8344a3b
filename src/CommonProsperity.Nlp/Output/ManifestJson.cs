using System.Globalization;
using System.Text.Json.Serialization;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The shape of <c>manifest.json</c>, declared once: System.Text.Json writes it through the source-generated
/// <see cref="ReportJsonContext"/> (snake_case names, properties in declaration order).
/// </summary>
internal sealed record ManifestJson(
    string Tool,
    string Version,
    string Command,
    string StartedUtc,
    Dictionary<string, string?> Options,
    ManifestJson.LexiconJson Lexicon,
    int Documents,
    long Tokens,
    long Characters,
    IReadOnlyList<ManifestJson.InputJson> Inputs,
    IReadOnlyList<ManifestJson.SkipJson> Skipped,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Reports,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string>? ReportSha256,
    Dictionary<string, long> TimingsMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ManifestJson.EvidencePartsJson? EvidenceParts = null)
{
    /// <summary>
    /// A merge that left the evidence in the shards' folders: the listing of its byte ranges
    /// (<c>evidence_parts.csv</c>), the file they make up when assembled, how many ranges and shard
    /// files, the size and rows of the assembled file, a note that says in words what that means, and
    /// the command that assembles it (written by <see cref="Listed"/>; once assembled, the note says so
    /// and the command is gone).
    /// </summary>
    internal sealed record EvidencePartsJson(string Listing, string Assembles, long Parts, int Files, long Bytes, long Rows, string Note,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Assemble)
    {
        /// <summary>What a merged folder says of its evidence once <c>evidence.csv</c> is assembled.</summary>
        public const string AssembledNote = "evidence.csv was assembled from these parts, each shard file checked against its checksum: this folder no longer needs the shards' folders.";

        /// <summary>The entry of a merge that has just listed the evidence, with the command that assembles it, run in the merged folder (<c>cpnlp evidence assemble .</c>).</summary>
        public static EvidencePartsJson Listed(long parts, int files, long bytes, long rows, string assemble) => new(
            ReportFiles.EvidenceParts, ReportFiles.Evidence, parts, files, bytes, rows,
            string.Create(CultureInfo.InvariantCulture, $"{ReportFiles.Evidence} is not in this folder: the evidence rows stay in the shards' folders ({files:N0} {(files == 1 ? "file" : "files")}, {bytes:N0} bytes), at the byte ranges {ReportFiles.EvidenceParts} lists. Keep the shards' folders in place and unchanged until {ReportFiles.Evidence} is assembled, by: {assemble} run in this folder (it checks every shard file against its checksum)."),
            assemble);
    }

    /// <summary>The lexicon counted; <c>theme_labels</c> (id to the name in the dictionary) only for a lexicon with labels.</summary>
    internal sealed record LexiconJson(string Source, string Sha256, int Terms, IReadOnlyList<string> Themes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? ThemeLabels = null);

    /// <summary>An input file read (<c>file</c>, its index, first and only in a shard's header; <c>encoding_by</c> only when known).</summary>
    internal sealed record InputJson(
        [property: JsonPropertyOrder(1)] string Path,
        [property: JsonPropertyOrder(1)] long Bytes,
        [property: JsonPropertyOrder(1)] string Sha256,
        [property: JsonPropertyOrder(1)] string Format,
        [property: JsonPropertyOrder(1)] string Encoding,
        [property: JsonPropertyOrder(3)] int Documents,
        [property: JsonPropertyOrder(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? File = null,
        [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EncodingBy = null)
    {
        /// <summary>The entry of <paramref name="input"/>, with its file index in a shard's header (null in a manifest).</summary>
        public static InputJson Of(int? file, Ingestion.InputFileRecord input) =>
            new(input.Path, input.Bytes, input.Sha256, input.Format, input.Encoding, input.Documents, file, input.EncodingBy);
    }

    /// <summary>An input skipped, and why (<c>file</c>, its index, first and only in a shard's header).</summary>
    internal sealed record SkipJson(
        [property: JsonPropertyOrder(1)] string Path,
        [property: JsonPropertyOrder(1)] string Reason,
        [property: JsonPropertyOrder(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? File = null);
}

/// <summary>The source-generated serializers of the JSON files the tool writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ManifestJson))]
[JsonSerializable(typeof(PartialJson))]
[JsonSerializable(typeof(DocumentLine))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
