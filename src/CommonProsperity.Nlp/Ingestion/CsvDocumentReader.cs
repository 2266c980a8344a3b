using System.Globalization;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Reads a <c>.csv</c> file as one document per row: the text column holds the text, the id column
/// (<c>--id-column</c>, else a column named <c>id</c>, else the row number) names the document <c>file#id</c>, and the other columns become metadata
/// (<c>title</c>, <c>date</c>, <c>publisher</c>, <c>language</c>/<c>lang</c> are recognised; the rest are
/// carried into the reports). Rows that cannot be used are skipped one by one with their line.
/// </summary>
internal sealed class CsvDocumentReader(IngestionOptions options) : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = ["csv"];

    /// <inheritdoc />
    public string Format => "CSV";

    /// <inheritdoc />
    public string Notes => "one document per row, named `file.csv#id`; the other columns are carried into the reports as metadata; the separator, `,` `;` tab or `|`, is the one the header row uses, comma for a one-column file";

    /// <inheritdoc />
    public IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        return Lazily(() =>
        {
            var decoded = TextDecoder.Decode(bytes, file.RelativePath, options.GivenEncoding);
            return Read(file, CsvTable.FromText(decoded.Text, file.RelativePath, decoded.Encoding), decoded.By, metadata, problems, cancellationToken);
        });
    }

    /// <summary>
    /// As <see cref="Read(SourceFile, byte[], DocumentMetadata, IProblemSink, CancellationToken)"/>, for a file
    /// too large to hold whole: its characters stream in (<see cref="StreamedTextFile"/>, whose first pass
    /// decided the encoding as <see cref="TextDecoder"/> does) and the rows are parsed as they come, one
    /// document at a time, giving the same documents.
    /// </summary>
    public IEnumerable<Document> Read(StreamedTextFile text, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        return Lazily(() => Read(text.File, CsvTable.FromReader(text.Open, text.File.RelativePath, text.EncodingName), text.By, metadata, problems, cancellationToken));
    }

    /// <summary>The documents of <paramref name="read"/>, which decodes and parses nothing until the first is asked for (its errors then come from the enumeration).</summary>
    private static IEnumerable<Document> Lazily(Func<IEnumerable<Document>> read)
    {
        foreach (var document in read())
        {
            yield return document;
        }
    }

    private IEnumerable<Document> Read(SourceFile file, CsvTable table, string encodingBy, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        var textColumn = table.IndexOf(options.TextColumn);
        if (textColumn < 0)
        {
            throw new InputException($"there is no column '{options.TextColumn}' to read the text from (columns: {string.Join(", ", table.Headers)}).",
                file.RelativePath, 1, Wording.Of($"Name the column that holds the text ({OptionName.TextColumn})."));
        }

        // Without an id column option, a column named "id" is used when there is one; else rows are numbered.
        var idColumn = options.IdColumn is null ? table.IndexOf("id") : -1;
        if (options.IdColumn is not null)
        {
            idColumn = table.IndexOf(options.IdColumn);
            if (idColumn < 0)
            {
                throw new InputException($"there is no id column '{options.IdColumn}' (columns: {string.Join(", ", table.Headers)}).",
                    file.RelativePath, 1, Wording.Of($"Name an existing column ({OptionName.IdColumn}), or leave it out to number the rows."));
            }
        }

        var seenIds = new HashSet<string>(StringComparer.Ordinal);
        var rowNumber = 0;
        foreach (var row in table.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowNumber++;
            var id = idColumn >= 0 ? row.Get(idColumn).Trim() : rowNumber.ToString(CultureInfo.InvariantCulture);
            var documentId = $"{file.RelativePath}#{id}";
            if (row.FieldCount != table.Headers.Count)
            {
                problems.Report(Problem.Skipped(documentId, $"{file.RelativePath}:{row.Line}: the row has {row.FieldCount} fields but the header has {table.Headers.Count}, so its columns cannot be trusted.",
                    "Fix the row (a comma inside a field needs quotes around the field)."));
                continue;
            }

            if (id.Length == 0)
            {
                problems.Report(Problem.Skipped(documentId, $"{file.RelativePath}:{row.Line}: the id column '{table.Headers[idColumn]}' is empty.", "Give the row an id."));
                continue;
            }

            if (!seenIds.Add(id))
            {
                problems.Report(Problem.Skipped(documentId, $"{file.RelativePath}:{row.Line}: the id '{id}' was used by an earlier row.", "Ids must be unique; rename one."));
                continue;
            }

            var text = row.Get(textColumn);
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Report(Problem.Skipped(documentId, $"{file.RelativePath}:{row.Line}: the text column '{table.Headers[textColumn]}' is empty.", "Fill it or delete the row."));
                continue;
            }

            var extra = new List<KeyValuePair<string, string>>(metadata.Extra);
            string? title = metadata.Title, date = metadata.Date, publisher = metadata.Publisher, language = metadata.Language;
            for (var c = 0; c < table.Headers.Count; c++)
            {
                if (c == textColumn || c == idColumn)
                {
                    continue;
                }

                var value = row.Get(c).Trim();
                switch (table.Headers[c].ToLowerInvariant())
                {
                    case "title": title = NullIfEmpty(value) ?? title; break;
                    case "date":
                        date = NullIfEmpty(value) ?? date;
                        if (value.Length > 0 && !SourcesCatalog.IsIsoDate(value))
                        {
                            problems.Report(Problem.Warning(documentId,
                                $"{file.RelativePath}:{row.Line}: the date '{value}' is not yyyy-MM-dd, yyyy-MM or yyyy; it is kept as written but the document has no year for grouping.",
                                "Write it as, for example, 2021-06-10."));
                        }

                        break;
                    case "publisher": publisher = NullIfEmpty(value) ?? publisher; break;
                    case "language" or "lang": language = NullIfEmpty(value) ?? language; break;
                    default: extra.Add(new(table.Headers[c], value)); break;
                }
            }

            yield return new Document(documentId, text, new DocumentMetadata(title, date, publisher, language, extra), file, "csv", table.Encoding) { EncodingBy = encodingBy };
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
