using System.Text.Encodings.Web;
using System.Text.Json;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>Writes <see cref="RunManifest"/> as indented JSON (UTF-8, no BOM, snake_case keys).</summary>
public static class ManifestWriter
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
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, JsonOptions);
        json.WriteStartObject();
        json.WriteString("tool", "cpnlp");
        json.WriteString("version", manifest.ToolVersion);
        json.WriteString("command", manifest.Command);
        json.WriteString("started_utc", manifest.StartedUtc.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        WriteStrings(json, "options", manifest.Options);
        json.WriteStartObject("lexicon");
        json.WriteString("source", manifest.LexiconSource);
        json.WriteString("sha256", manifest.LexiconSha256);
        json.WriteNumber("terms", manifest.LexiconTerms);
        WriteStrings(json, "themes", manifest.Themes);
        json.WriteEndObject();
        json.WriteNumber("documents", manifest.Documents);
        json.WriteNumber("tokens", manifest.Tokens);
        json.WriteNumber("characters", manifest.Characters);
        json.WriteStartArray("inputs");
        foreach (var input in manifest.Inputs)
        {
            WriteInput(json, null, input);
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skip in manifest.Skipped)
        {
            WriteSkip(json, null, skip);
        }

        json.WriteEndArray();
        WriteStrings(json, "warnings", manifest.Warnings);
        WriteStrings(json, "reports", reports);
        if (reportHashes is not null)
        {
            json.WriteStartObject("report_sha256");
            foreach (var (report, hash) in reportHashes)
            {
                json.WriteString(report, hash);
            }

            json.WriteEndObject();
        }

        WriteNumbers(json, "timings_ms", manifest.TimingsMs);
        json.WriteEndObject();
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
