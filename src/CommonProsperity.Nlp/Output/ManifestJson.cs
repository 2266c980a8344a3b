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
    /// files, and the size and rows of the assembled file.
    /// </summary>
    internal sealed record EvidencePartsJson(string Listing, string Assembles, long Parts, int Files, long Bytes, long Rows);

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
