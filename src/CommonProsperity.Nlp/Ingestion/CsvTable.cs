using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CsvHelper;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// A CSV file with a header, read through CsvHelper after the file's encoding has been detected
/// (so a spreadsheet saved as GBK or UTF-16 reads as well as one saved as UTF-8). Rows come with
/// their line number for messages. Malformed quoting is an error naming the line. The separator is
/// the one the header row uses (<c>,</c> <c>;</c> tab or <c>|</c>, comma when the header has a single
/// column), so a one-column file whose text holds semicolons or tabs is not split on them. A table
/// is read from text in memory (<see cref="FromText"/>) or from a reader opened afresh for the header
/// and again for the rows (<see cref="FromReader"/>), which never holds the file whole.
/// </summary>
internal sealed class CsvTable
{
    private static readonly char[] Separators = [',', ';', '\t', '|'];

    /// <summary>Characters read at a time from a reader while the header row is looked for.</summary>
    private const int HeaderChunk = 1 << 16;

    /// <summary>
    /// The most characters read for the header row (1 Mi): a row of column names is never that long, and a
    /// quote left open in it would otherwise make the rest of the file, up to the file size limit, one name.
    /// </summary>
    internal const int MaxHeaderCharacters = 1 << 20;

    private readonly Func<CsvReaderOptions, CsvReader> _open;
    private readonly CsvReaderOptions _options;

    private CsvTable(string path, Func<CsvReaderOptions, CsvReader> open, string encoding, IReadOnlyList<string> headers, CsvReaderOptions options)
    {
        Path = path;
        _open = open;
        Encoding = encoding;
        Headers = headers;
        _options = options;
    }

    /// <summary>The file the table came from (as given, for messages).</summary>
    public string Path { get; }

    /// <summary>The detected encoding of the file.</summary>
    public string Encoding { get; }

    /// <summary>The header names, trimmed, in file order.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Reads and decodes a CSV file and its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="displayPath">The name to use in messages (defaults to <paramref name="path"/>).</param>
    /// <exception cref="InputException">The file cannot be read, is empty, or its header is malformed.</exception>
    public static CsvTable Open(string path, string? displayPath = null)
    {
        displayPath ??= path;
        byte[] bytes;
        try
        {
            bytes = FileSystem.InputFile.ReadAll(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the file ({e.Message}).", displayPath, fix: "Check that it exists and that you may read it.", inner: e);
        }

        var decoded = TextDecoder.Decode(bytes, displayPath);
        return FromText(decoded.Text, displayPath, decoded.Encoding);
    }

    /// <summary>Parses CSV text already in memory.</summary>
    public static CsvTable FromText(string text, string displayPath, string encoding = "utf-8")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Empty(displayPath);
        }

        using (var start = new StringReader(text))
        {
            HeaderText(start, displayPath); // refuses a header that does not end
        }

        return WithHeader(options => CsvReader.FromText(text, options), OptionsFor(text), displayPath, encoding);
    }

    /// <summary>
    /// Parses CSV text that <paramref name="open"/> reads from its start, each time it is called: once for
    /// the start of the text (the header row, which sets the separator), once for the header and once
    /// for the rows; the text is never held whole. The same table as <see cref="FromText"/> of all the
    /// characters <paramref name="open"/> reads.
    /// </summary>
    public static CsvTable FromReader(Func<TextReader> open, string displayPath, string encoding)
    {
        ArgumentNullException.ThrowIfNull(open);
        string start;
        using (var reader = open())
        {
            start = HeaderText(reader, displayPath);
        }

        if (string.IsNullOrWhiteSpace(start))
        {
            throw Empty(displayPath);
        }

        return WithHeader(options => CsvReader.Create(open(), options, leaveOpen: false), OptionsFor(start), displayPath, encoding);
    }

    private static InputException Empty(string displayPath) =>
        new("the CSV file is empty.", displayPath, fix: "Add a header row and at least one data row.");

    private static CsvTable WithHeader(Func<CsvReaderOptions, CsvReader> open, CsvReaderOptions options, string displayPath, string encoding)
    {
        using var reader = open(options);
        IReadOnlyList<string> headers;
        try
        {
            headers = reader.Headers.Select(h => h.Trim()).ToArray();
        }
        catch (CsvFormatException e)
        {
            throw new InputException($"the header row is malformed ({e.Message}).", displayPath, 1, "Check the quotes in the first line.", e);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            if (!seen.Add(header))
            {
                throw new InputException($"the column '{header}' appears twice in the header.", displayPath, 1, "Rename or delete one of them.");
            }
        }

        return new CsvTable(displayPath, open, encoding, headers, options);
    }

    /// <summary>
    /// The start of the text that <see cref="OptionsFor"/> and the emptiness check read: up to the end
    /// of the header row (its first line break outside quotes) and the first character that is not
    /// white space, or all of the text when it has neither.
    /// </summary>
    /// <exception cref="InputException">The header row goes on past <see cref="MaxHeaderCharacters"/>: the message names the line and column of a quote left open.</exception>
    private static string HeaderText(TextReader reader, string displayPath)
    {
        var text = new System.Text.StringBuilder();
        var chunk = new char[HeaderChunk];
        bool quoted = false, lineEnded = false, anyText = false;
        long line = 1, column = 0, quoteLine = 0, quoteColumn = 0;
        while (!(lineEnded && anyText))
        {
            var read = reader.Read(chunk, 0, chunk.Length);
            if (read == 0)
            {
                break;
            }

            text.Append(chunk, 0, read);
            foreach (var c in chunk.AsSpan(0, read))
            {
                column++;
                anyText |= !char.IsWhiteSpace(c);
                if (c == '"')
                {
                    quoted = !quoted;
                    (quoteLine, quoteColumn) = quoted ? (line, column) : (quoteLine, quoteColumn);
                }
                else if (!quoted && (c == '\n' || c == '\r'))
                {
                    lineEnded |= anyText; // blank lines before the header do not end it
                }

                if (c == '\n')
                {
                    (line, column) = (line + 1, 0);
                }
            }

            if (!lineEnded && text.Length > MaxHeaderCharacters)
            {
                throw quoted
                    ? new InputException(string.Create(CultureInfo.InvariantCulture, $"the double quote at column {quoteColumn} of the header row is not closed within {MaxHeaderCharacters:N0} characters, so the rest of the file would be read as one column name."),
                        displayPath, quoteLine, "Close that quote, write it twice (\"\") if it belongs in the column name, or remove it: the first line holds the column names only.")
                    : new InputException(string.Create(CultureInfo.InvariantCulture, $"the header row (the first line) is longer than {MaxHeaderCharacters:N0} characters, which no row of column names is."),
                        displayPath, 1, "Check that the file is a CSV file whose first line names its columns (text, and an id column), with a line break after each row.");
            }
        }

        return text.ToString();
    }

    /// <summary>The index of a column, ignoring case, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Headers.Count; i++)
        {
            if (string.Equals(Headers[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The data rows, each with its 1-based line number. Ragged rows read missing fields as empty.
    /// </summary>
    /// <exception cref="InputException">A row breaks the quoting rules; the message names its line.</exception>
    public IEnumerable<CsvRow> Rows()
    {
        using var reader = _open(_options);
        while (true)
        {
            bool more;
            try
            {
                more = reader.Read();
            }
            catch (CsvFormatException e)
            {
                throw new InputException($"malformed CSV ({e.Message}).", Path, e.LineNumber > 0 ? e.LineNumber : null,
                    "Check for an unbalanced double quote: a field with a quote inside must be quoted itself, with the quote doubled (\"\").", e);
            }

            if (!more)
            {
                yield break;
            }

            var fields = new string[Math.Max(reader.FieldCount, Headers.Count)];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = i < reader.FieldCount ? reader.GetString(i) : string.Empty;
            }

            yield return new CsvRow(reader.LineNumber, reader.FieldCount, fields);
        }
    }

    private static CsvReaderOptions OptionsFor(string text)
    {
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            DetectSeparatorHint = true,
        };

        // Excel's "sep=;" first line names the separator itself; CsvHelper reads it when none is set.
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        return text.AsSpan(start).StartsWith("sep=", StringComparison.OrdinalIgnoreCase) ? options : options with { Separator = HeaderSeparator(text.AsSpan(start)) };
    }

    /// <summary>
    /// The separator the header row uses: the candidate that occurs most often in it outside quotes
    /// (comma on a tie, and when the header is a single column). Detecting it from the data rows as
    /// well would split a one-column file on the semicolons or tabs of its text.
    /// </summary>
    private static char HeaderSeparator(ReadOnlySpan<char> text)
    {
        Span<int> counts = stackalloc int[Separators.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && (c == '\n' || c == '\r'))
            {
                break;
            }
            else if (!quoted && Array.IndexOf(Separators, c) is var k and >= 0)
            {
                counts[k]++;
            }
        }

        var best = 0;
        for (var k = 1; k < Separators.Length; k++)
        {
            if (counts[k] > counts[best])
            {
                best = k;
            }
        }

        return Separators[best];
    }
}
