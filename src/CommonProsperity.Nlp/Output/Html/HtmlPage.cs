using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output.Html;

/// <summary>
/// A self-contained report page: the hand-written template, style sheet and script (embedded resources
/// under Output/Html/Resources) with the run's data as JSON in a non-executed
/// <c>&lt;script type="application/json"&gt;</c> block. The script builds every element from that data with
/// <c>textContent</c>, never as markup, and the JSON escapes <c>&lt; &gt; &amp; ' "</c>, so nothing in a
/// document's text or metadata can become markup or script. A Content-Security-Policy allows only the
/// page's own style sheet and script (by hash) and no connection at all: the page makes no request.
/// </summary>
internal static class HtmlPage
{
    private const string StylePlaceholder = "/*STYLE*/";
    private const string ScriptPlaceholder = "/*SCRIPT*/";
    private const string DataPlaceholder = "/*DATA*/";
    private const string PolicyPlaceholder = "POLICY";

    /// <summary>JSON that is safe inside a script element: HTML-sensitive characters escaped, Chinese written as it is (3 bytes, not 6).</summary>
    public static JsonWriterOptions JsonOptions { get; } = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), Indented = false };

    /// <summary>Writes the page for <paramref name="script"/> (a resource name) to <paramref name="path"/>, its data written by <paramref name="data"/> as one JSON object.</summary>
    /// <exception cref="OutputException">The file cannot be written.</exception>
    public static void Write(string path, string script, Action<Utf8JsonWriter> data)
    {
        var style = Resource("report.css");
        var code = Resource("common.js") + "\n" + Resource(script);
        var policy = $"default-src 'none'; style-src '{Hash(style)}'; script-src '{Hash(code)}'; base-uri 'none'; form-action 'none'";
        var template = Resource("report.html");
        var (beforeData, afterData) = Split(template, DataPlaceholder);
        try
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            file.Write(Encoding.UTF8.GetBytes(beforeData.Replace(PolicyPlaceholder, policy, StringComparison.Ordinal).Replace(StylePlaceholder, style, StringComparison.Ordinal)));
            using (var json = new Utf8JsonWriter(file, JsonOptions))
            {
                json.WriteStartObject();
                data(json);
                json.WriteEndObject();
            }

            file.Write(Encoding.UTF8.GetBytes(afterData.Replace(ScriptPlaceholder, code, StringComparison.Ordinal)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(path, e);
        }
    }

    /// <summary>The input files, and the problems, a page lists (<c>manifest.json</c> has them all).</summary>
    public const int MaxListed = 1_000;

    /// <summary>The run at a glance, as every page shows it: totals, the lexicon and its fingerprint, the inputs, and the problems of the one problem channel.</summary>
    public static void WriteRun(Utf8JsonWriter json, int documents, long tokens, long characters, Lexicon lexicon, IReadOnlyList<InputFileRecord> inputs, IReadOnlyList<Problem> problems)
    {
        json.WriteStartObject("run");
        json.WriteNumber("documents", documents);
        json.WriteNumber("tokens", tokens);
        json.WriteNumber("characters", characters);
        json.WriteStartObject("lexicon");
        json.WriteString("source", lexicon.Source);
        json.WriteString("sha256", lexicon.Sha256);
        json.WriteNumber("terms", lexicon.Terms.Count);
        json.WriteEndObject();
        json.WriteNumber("input_count", inputs.Count);
        json.WriteNumber("problem_count", problems.Count);
        json.WriteNumber("skipped_count", problems.Count(p => p.Kind == ProblemKind.Skipped));
        json.WriteStartArray("inputs");
        foreach (var input in inputs.Take(MaxListed))
        {
            System.Text.Json.JsonSerializer.Serialize(json, ManifestJson.InputJson.Of(null, input), ManifestWriter.Json.InputJson); // as manifest.json lists it
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in problems.Take(MaxListed))
        {
            json.WriteStartObject();
            json.WriteString("kind", problem.Kind == ProblemKind.Skipped ? "skipped" : "warning");
            json.WriteString("file", problem.File);
            json.WriteString("text", problem.Text);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The themes, in report order, with their codebook names.</summary>
    public static void WriteThemes(Utf8JsonWriter json, IReadOnlyList<string> themes)
    {
        json.WriteStartArray("themes");
        foreach (var theme in themes)
        {
            json.WriteStartObject();
            json.WriteString("id", theme);
            json.WriteString("name", Codebook.Themes.FirstOrDefault(t => t.Id == theme)?.Name ?? theme);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>The CSP source of <paramref name="text"/>: its SHA-256, so that only this exact style sheet or script runs.</summary>
    private static string Hash(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static (string Before, string After) Split(string template, string placeholder)
    {
        var at = template.IndexOf(placeholder, StringComparison.Ordinal);
        return (template[..at], template[(at + placeholder.Length)..]);
    }

    private static string Resource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CommonProsperity.Nlp.Output.Html." + name)
            ?? throw new InvalidOperationException($"the resource {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}
