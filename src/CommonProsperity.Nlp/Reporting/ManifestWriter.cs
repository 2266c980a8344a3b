using System.Text.Encodings.Web;
using System.Text.Json;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>Writes <see cref="RunManifest"/> as indented JSON (UTF-8, no BOM, snake_case keys).</summary>
public static class ManifestWriter
{
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
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("tool", "cpnlp");
        json.WriteString("version", manifest.ToolVersion);
        json.WriteString("command", manifest.Command);
        json.WriteString("started_utc", manifest.StartedUtc.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("options");
        foreach (var (key, value) in manifest.Options)
        {
            json.WriteString(key, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("lexicon");
        json.WriteString("source", manifest.LexiconSource);
        json.WriteString("sha256", manifest.LexiconSha256);
        json.WriteNumber("terms", manifest.LexiconTerms);
        json.WriteStartArray("themes");
        foreach (var theme in manifest.Themes)
        {
            json.WriteStringValue(theme);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteNumber("documents", manifest.Documents);
        json.WriteNumber("tokens", manifest.Tokens);
        json.WriteNumber("characters", manifest.Characters);
        json.WriteStartArray("inputs");
        foreach (var input in manifest.Inputs)
        {
            json.WriteStartObject();
            json.WriteString("path", input.Path);
            json.WriteNumber("bytes", input.Bytes);
            json.WriteString("sha256", input.Sha256);
            json.WriteString("format", input.Format);
            json.WriteString("encoding", input.Encoding);
            json.WriteNumber("documents", input.Documents);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("skipped");
        foreach (var skip in manifest.Skipped)
        {
            json.WriteStartObject();
            json.WriteString("path", skip.Path);
            json.WriteString("reason", skip.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("warnings");
        foreach (var warning in manifest.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
        json.WriteStartArray("reports");
        foreach (var report in reports)
        {
            json.WriteStringValue(report);
        }

        json.WriteEndArray();
        if (reportHashes is not null)
        {
            json.WriteStartObject("report_sha256");
            foreach (var (report, hash) in reportHashes)
            {
                json.WriteString(report, hash);
            }

            json.WriteEndObject();
        }

        json.WriteStartObject("timings_ms");
        foreach (var (stage, ms) in manifest.TimingsMs)
        {
            json.WriteNumber(stage, ms);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
