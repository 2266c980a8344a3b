using System.Text.Encodings.Web;
using System.Text.Json;
using CommonProsperity.Nlp.Ingestion;

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
    public static void Write(string path, RunManifest manifest, IEnumerable<string> reports, IReadOnlyDictionary<string, string>? reportHashes = null)
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
            [.. manifest.Inputs.Select(i => new ManifestJson.InputJson(null, i.Path, i.Bytes, i.Sha256, i.Format, i.Encoding, i.EncodingBy, i.Documents))],
            [.. manifest.Skipped.Select(s => new ManifestJson.SkipJson(null, s.File, s.Text))],
            manifest.Warnings,
            [.. reports],
            reportHashes is null ? null : InOrder(reportHashes),
            InOrder(manifest.TimingsMs));
        using var stream = File.Create(path);
        JsonSerializer.Serialize(stream, json, Json.ManifestJson);
    }

    /// <summary>The source-generated serializers with the manifest's options (indented, snake_case, Chinese and quotes written as they are).</summary>
    internal static ReportJsonContext Json { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>A dictionary that enumerates <paramref name="pairs"/> in their order (as JSON objects list them).</summary>
    private static Dictionary<string, TValue> InOrder<TValue>(IEnumerable<KeyValuePair<string, TValue>> pairs)
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

    /// <summary>An object of named strings (options).</summary>
    internal static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, string?>> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
    }

    /// <summary>An object of named numbers (timings).</summary>
    internal static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<KeyValuePair<string, long>> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values)
        {
            json.WriteNumber(key, value);
        }

        json.WriteEndObject();
    }

    /// <summary>An input file's entry, with the index of the file first for a shard's partial results.</summary>
    internal static void WriteInput(Utf8JsonWriter json, int? file, InputFileRecord input)
    {
        json.WriteStartObject();
        WriteFile(json, file);
        json.WriteString("path", input.Path);
        json.WriteNumber("bytes", input.Bytes);
        json.WriteString("sha256", input.Sha256);
        json.WriteString("format", input.Format);
        json.WriteString("encoding", input.Encoding);
        if (input.EncodingBy is not null)
        {
            json.WriteString("encoding_by", input.EncodingBy);
        }

        json.WriteNumber("documents", input.Documents);
        json.WriteEndObject();
    }

    /// <summary>A skipped input's entry, with the index of the file first for a shard's partial results.</summary>
    internal static void WriteSkip(Utf8JsonWriter json, int? file, Problem skip)
    {
        json.WriteStartObject();
        WriteFile(json, file);
        json.WriteString("path", skip.File);
        json.WriteString("reason", skip.Text);
        json.WriteEndObject();
    }

    private static void WriteFile(Utf8JsonWriter json, int? file)
    {
        if (file is { } index)
        {
            json.WriteNumber("file", index);
        }
    }
}
