using System.Text.Encodings.Web;
using System.Text.Json;

namespace CommonProsperity.Nlp.Output;

/// <summary>Writes <see cref="RunManifest"/> as indented JSON (UTF-8, no BOM, snake_case keys).</summary>
internal static class ManifestWriter
{
    /// <summary>The JSON options of the manifest and of shards' partial results.</summary>
    internal static JsonWriterOptions JsonOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the manifest plus the list of reports to <paramref name="path"/>.</summary>
    /// <param name="path">Where to write.</param>
    /// <param name="manifest">What to record.</param>
    /// <param name="reports">The report files of the run.</param>
    /// <param name="reportHashes">Optionally, the SHA-256 of each report, so a reader can check that the set is whole.</param>
    /// <param name="evidenceParts">For a merge that left the evidence in the shards' folders, what its listing holds.</param>
    public static void Write(string path, RunManifest manifest, IEnumerable<string> reports, IReadOnlyDictionary<string, string>? reportHashes = null, ManifestJson.EvidencePartsJson? evidenceParts = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(reports);
        var json = new ManifestJson(
            "cpnlp",
            manifest.ToolVersion,
            manifest.Command,
            manifest.StartedUtc.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            InOrder(manifest.Options),
            new ManifestJson.LexiconJson(manifest.LexiconSource, manifest.LexiconSha256, manifest.LexiconTerms, manifest.Themes,
                manifest.ThemeLabels is null ? null : manifest.Themes.ToDictionary(t => t, t => manifest.ThemeLabels.TryGetValue(t, out var label) ? label : t, StringComparer.Ordinal)),
            manifest.Documents,
            manifest.Tokens,
            manifest.Characters,
            [.. manifest.Inputs.Select(i => ManifestJson.InputJson.Of(null, i))],
            [.. manifest.Skipped.Select(s => new ManifestJson.SkipJson(s.File, s.Text))],
            manifest.Warnings,
            [.. reports],
            reportHashes is null ? null : InOrder(reportHashes),
            InOrder(manifest.TimingsMs),
            evidenceParts);
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, json, Json.ManifestJson);
    }

    /// <summary>
    /// The source-generated serializers with the manifest's options (indented, snake_case, Chinese and quotes
    /// written as they are); reading, a missing property or a null where none may be is an error.
    /// </summary>
    internal static ReportJsonContext Json { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    });

    /// <summary>A dictionary that enumerates <paramref name="pairs"/> in their order (as JSON objects list them).</summary>
    internal static Dictionary<string, TValue> InOrder<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs)
    {
        var dictionary = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            dictionary.Add(key, value);
        }

        return dictionary;
    }

    /// <summary>An array of strings.</summary>
    internal static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
