using System.Text.Json;
using System.Text.Json.Serialization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// One document as one JSON line, declared once and written and read through the source-generated
/// <see cref="ReportJsonContext"/>: how the report writer keeps its per-document rows on disk until the end
/// of a run (the summary alone), and how a shard's <c>partial_documents.jsonl</c> carries them (with the
/// file index first, then the characters, the terms' hits and the size of the evidence). Pairs and theme
/// counts are short arrays (<c>[hits, sentences]</c>, a third element only for weighted matches). The
/// document's numbers are one object, <c>"numbers":{"tokens":…,"words":…,"sentences":…}</c>, named and
/// ordered by their declarations (<see cref="DocumentNumbers"/>), so that a new per-document number
/// travels through shards and <c>merge</c> with no code here; a line without every declared number is
/// refused (and a shard whose header lists other numbers, by <see cref="PartialResultReader"/>).
/// </summary>
internal sealed record DocumentLine(
    [property: JsonPropertyOrder(1)] string Id,
    [property: JsonPropertyOrder(1)] string? Title,
    [property: JsonPropertyOrder(1)] string? Date,
    [property: JsonPropertyOrder(1)] string? Publisher,
    [property: JsonPropertyOrder(1)] string? Language,
    [property: JsonPropertyOrder(1), JsonConverter(typeof(DocumentLine.PairsConverter))] IReadOnlyList<KeyValuePair<string, string>> Extra,
    [property: JsonPropertyOrder(1), JsonConverter(typeof(DocumentLine.NumbersConverter))] DocumentNumberValues Numbers,
    [property: JsonPropertyOrder(1), JsonConverter(typeof(DocumentLine.ThemesConverter))] IReadOnlyList<ThemeTally> Themes,
    [property: JsonPropertyOrder(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? File = null,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Characters = null,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull), JsonConverter(typeof(DocumentLine.TermsConverter))] IReadOnlyList<TermHits>? Terms = null,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? EvidenceRows = null,
    [property: JsonPropertyOrder(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? EvidenceBytes = null)
{
    /// <summary>The line of a summary alone (the report writer's spill).</summary>
    public static DocumentLine Of(DocumentSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var metadata = summary.Metadata;
        return new(summary.Id, metadata.Title, metadata.Date, metadata.Publisher, metadata.Language, metadata.Extra, summary.Numbers, summary.Themes);
    }

    /// <summary>The line of a shard's document of input file <paramref name="file"/>.</summary>
    public static DocumentLine Of(int file, DocumentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Of(report.Summary) with
        {
            File = file, Characters = report.Characters, Terms = report.Terms, EvidenceRows = report.EvidenceRows, EvidenceBytes = report.EvidenceBytes,
        };
    }

    /// <summary>The summary this line carries.</summary>
    public DocumentSummary Summary() => new(Id, new DocumentMetadata(Title, Date, Publisher, Language, Extra), Numbers, Themes);

    /// <summary>Writes the line, without its line break.</summary>
    public void Write(Utf8JsonWriter json) => JsonSerializer.Serialize(json, this, Json.DocumentLine);

    /// <summary>Reads a line back.</summary>
    /// <exception cref="JsonException">The line is not a document's.</exception>
    public static DocumentLine Read(string line) => JsonSerializer.Deserialize(line, Json.DocumentLine) ?? throw new JsonException("the line is null.");

    /// <summary>The serializers of lines: the manifest's options, on one line.</summary>
    private static ReportJsonContext Json { get; } = new(new JsonSerializerOptions(ManifestWriter.Json.Options) { WriteIndented = false });

    /// <summary>Pairs of strings as two-element arrays.</summary>
    internal sealed class PairsConverter : JsonConverter<IReadOnlyList<KeyValuePair<string, string>>>
    {
        public override IReadOnlyList<KeyValuePair<string, string>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArrays(ref reader, (ref Utf8JsonReader r) =>
            {
                var key = ReadString(ref r);
                var value = ReadString(ref r);
                return new KeyValuePair<string, string>(key, value);
            });

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<KeyValuePair<string, string>> value, JsonSerializerOptions options) =>
            WriteArrays(writer, value, (w, pair) =>
            {
                w.WriteStringValue(pair.Key);
                w.WriteStringValue(pair.Value);
            });

        private static string ReadString(ref Utf8JsonReader reader) =>
            reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("a pair holds something other than two strings.");
    }

    /// <summary>The document's numbers as one object, each under its declared name, in declaration order; reading needs every declared number and no other.</summary>
    internal sealed class NumbersConverter : JsonConverter<DocumentNumberValues>
    {
        public override DocumentNumberValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("expected the document's numbers as an object.");
            }

            var values = new List<KeyValuePair<string, long>>(DocumentNumbers.All.Count);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                values.Add(new(name, reader.Read() && reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : throw new JsonException($"'{name}' is not a number.")));
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new JsonException("the document's numbers are not a flat object.");
            }

            var missing = DocumentNumbers.All.Select(n => n.Name).Except(values.Select(v => v.Key), StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                throw new JsonException($"the document's numbers lack {string.Join(", ", missing)}.");
            }

            try
            {
                return DocumentNumberValues.Of(values);
            }
            catch (ArgumentException e)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, DocumentNumberValues value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            foreach (var (name, number) in value)
            {
                writer.WriteNumber(name, number);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>Each theme's hits and sentences, and the weight of its matches when there is one.</summary>
    internal sealed class ThemesConverter : JsonConverter<IReadOnlyList<ThemeTally>>
    {
        public override IReadOnlyList<ThemeTally> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArrays(ref reader, (ref Utf8JsonReader r) =>
            {
                var hits = ReadInt(ref r);
                var sentences = ReadInt(ref r);
                var weighted = r.Read() && r.TokenType == JsonTokenType.Number ? r.GetDouble() : 0;
                return new ThemeTally(hits, sentences, weighted);
            }, optionalLast: true);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<ThemeTally> value, JsonSerializerOptions options) =>
            WriteArrays(writer, value, (w, tally) =>
            {
                w.WriteNumberValue(tally.Hits);
                w.WriteNumberValue(tally.Sentences);
                if (tally.Weighted != 0)
                {
                    // A third element only for a weighted lexicon's matches, so other runs' lines stay as they were.
                    w.WriteNumberValue(tally.Weighted);
                }
            });
    }

    /// <summary>Each matched term's index and hits, and its vetoed matches when there are any.</summary>
    internal sealed class TermsConverter : JsonConverter<IReadOnlyList<TermHits>>
    {
        public override IReadOnlyList<TermHits> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            ReadArrays(ref reader, (ref Utf8JsonReader r) =>
            {
                var term = ReadInt(ref r);
                var hits = ReadInt(ref r);
                var vetoed = r.Read() && r.TokenType == JsonTokenType.Number ? r.GetInt32() : 0;
                return new TermHits(term, hits, vetoed);
            }, optionalLast: true);

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<TermHits> value, JsonSerializerOptions options) =>
            WriteArrays(writer, value, (w, term) =>
            {
                w.WriteNumberValue(term.Term);
                w.WriteNumberValue(term.Hits);
                if (term.Vetoed != 0)
                {
                    w.WriteNumberValue(term.Vetoed);
                }
            });
    }

    private delegate T ElementReader<T>(ref Utf8JsonReader reader);

    /// <summary>An array of short arrays, each one's values written by <paramref name="element"/>.</summary>
    private static void WriteArrays<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, Action<Utf8JsonWriter, T> element)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartArray();
            element(writer, item);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// An array of short arrays, each read by <paramref name="element"/> from its first value on; with
    /// <paramref name="optionalLast"/>, the element reader has read the token after its last required value
    /// (the optional one, or the array's end).
    /// </summary>
    private static List<T> ReadArrays<T>(ref Utf8JsonReader reader, ElementReader<T> element, bool optionalLast = false)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected an array of arrays.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
            items.Add(element(ref reader));
            if (!optionalLast || reader.TokenType != JsonTokenType.EndArray)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
                {
                    throw new JsonException("an inner array has more elements than it may.");
                }
            }
        }

        return reader.TokenType == JsonTokenType.EndArray ? items : throw new JsonException("expected an array of arrays.");
    }

    private static int ReadInt(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.Number ? reader.GetInt32() : throw new JsonException("an inner array holds something other than numbers.");
}
