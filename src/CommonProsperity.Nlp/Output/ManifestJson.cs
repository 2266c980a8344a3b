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
    Dictionary<string, long> TimingsMs)
{
    /// <summary>The lexicon counted; <c>theme_labels</c> (id to the name in the dictionary) only for a lexicon with labels.</summary>
    internal sealed record LexiconJson(string Source, string Sha256, int Terms, IReadOnlyList<string> Themes,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? ThemeLabels = null);

    /// <summary>An input file read (<c>file</c>, its index, only in a shard's header).</summary>
    internal sealed record InputJson(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? File, string Path, long Bytes, string Sha256, string Format, string Encoding,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? EncodingBy, int Documents);

    /// <summary>An input skipped, and why.</summary>
    internal sealed record SkipJson(
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? File, string Path, string Reason);
}

/// <summary>The source-generated serializers of the JSON files the tool writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ManifestJson))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
