using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A <see cref="DocumentSummary"/> as the properties of one JSON line: how the report writer keeps its
/// per-document rows on disk until the end of a run, and how a shard's partial results carry them.
/// </summary>
internal static class DocumentLine
{
    /// <summary>Writes the summary's properties into the object <paramref name="json"/> has started.</summary>
    public static void WriteSummary(Utf8JsonWriter json, DocumentSummary summary)
    {
        var metadata = summary.Metadata;
        json.WriteString("id", summary.Id);
        json.WriteString("title", metadata.Title);
        json.WriteString("date", metadata.Date);
        json.WriteString("publisher", metadata.Publisher);
        json.WriteString("language", metadata.Language);
        json.WriteStartArray("extra");
        foreach (var (key, value) in metadata.Extra)
        {
            WritePair(json, key, value);
        }

        json.WriteEndArray();
        json.WriteNumber("tokens", summary.Tokens);
        json.WriteNumber("words", summary.Words);
        json.WriteNumber("sentences", summary.Sentences);
        json.WriteStartArray("themes");
        foreach (var tally in summary.Themes)
        {
            if (tally.Weighted == 0)
            {
                WritePair(json, tally.Hits, tally.Sentences);
            }
            else
            {
                // A third element only for a weighted lexicon's matches, so other runs' lines stay as they were.
                json.WriteStartArray();
                json.WriteNumberValue(tally.Hits);
                json.WriteNumberValue(tally.Sentences);
                json.WriteNumberValue(tally.Weighted);
                json.WriteEndArray();
            }
        }

        json.WriteEndArray();
    }

    /// <summary>Reads back what <see cref="WriteSummary"/> wrote.</summary>
    public static DocumentSummary ReadSummary(JsonElement line)
    {
        var metadata = new DocumentMetadata(
            line.GetProperty("title").GetString(),
            line.GetProperty("date").GetString(),
            line.GetProperty("publisher").GetString(),
            line.GetProperty("language").GetString(),
            [.. line.GetProperty("extra").EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!))]);
        return new DocumentSummary(
            line.GetProperty("id").GetString()!,
            metadata,
            line.GetProperty("tokens").GetInt32(),
            line.GetProperty("words").GetInt32(),
            line.GetProperty("sentences").GetInt32(),
            [.. line.GetProperty("themes").EnumerateArray().Select(t => new ThemeTally(t[0].GetInt32(), t[1].GetInt32(), t.GetArrayLength() > 2 ? t[2].GetDouble() : 0))]);
    }

    /// <summary>A pair of strings as a two-element array.</summary>
    public static void WritePair(Utf8JsonWriter json, string first, string second)
    {
        json.WriteStartArray();
        json.WriteStringValue(first);
        json.WriteStringValue(second);
        json.WriteEndArray();
    }

    /// <summary>A pair of numbers as a two-element array.</summary>
    public static void WritePair(Utf8JsonWriter json, long first, long second)
    {
        json.WriteStartArray();
        json.WriteNumberValue(first);
        json.WriteNumberValue(second);
        json.WriteEndArray();
    }
}
