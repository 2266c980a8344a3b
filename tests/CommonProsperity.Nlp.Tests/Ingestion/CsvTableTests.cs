using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// Differential tests of <see cref="CsvTable.FromReader"/>: a CSV text read from a stream, in pieces of
/// a few characters, gives the table <see cref="CsvTable.FromText"/> gives of the text held whole: the
/// same header, separator, rows, line numbers and errors.
/// </summary>
public class CsvTableTests
{
    /// <summary>Pieces of CSV (quotes, separators, line breaks of every kind, Chinese text, a BOM, Excel's <c>sep=</c> line) put together at random, so most texts are valid and some are not.</summary>
    private static readonly string[] Pieces =
    [
        "id", "text", "a", "b c", "共同富裕", ",", ",", ";", "\t", "|", "\n", "\n", "\r\n", "\r", "\"", "\"q,\"", "\"two\nlines\"", "\"x\"\"y\"", " ", "sep=;\n", "\uFEFF",
    ];

    private static Arbitrary<(string Text, int Piece)> Texts() =>
        (from body in Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p))
         from header in Gen.Elements("id,text\n", "text\n", "id;text;note\n", "\"i,d\",text\n", string.Empty)
         from piece in Gen.Choose(1, 9)
         select (header + body, piece))
        .ToArbitrary();

    [Property(MaxTest = 400)]
    public Property FromReader_RandomCsvInSmallPieces_GivesTheTableOfTheWholeText() =>
        Prop.ForAll(Texts(), sample => Assert.Equal(Read(() => CsvTable.FromText(sample.Text, "t.csv")), Read(() => CsvTable.FromReader(() => new PieceReader(sample.Text, sample.Piece), "t.csv", "utf-8"))));

    [Theory]
    [InlineData("id,text\nr1,\"a long field that spans many pieces of the reader, with a \"\"quote\"\" and\r\na line break\"\nr2,short\n", 3)]
    [InlineData("   \n\n", 2)]
    [InlineData("", 1)]
    [InlineData("text\nfirst; with a semicolon\tand a tab\n", 4)]
    [InlineData("sep=;\nid;text\nr1;a,b\n", 5)]
    [InlineData("id,text\nr1,\"unclosed\n", 2)]
    [InlineData("\"head\ner\",text\nr1,x\n", 1)]
    public void FromReader_Examples_GiveTheTableOfTheWholeText(string text, int piece) =>
        Assert.Equal(Read(() => CsvTable.FromText(text, "t.csv")), Read(() => CsvTable.FromReader(() => new PieceReader(text, piece), "t.csv", "utf-8")));

    [Fact]
    public void FromReader_ManyRows_OpensTheTextAgainForTheRowsWithoutHoldingIt()
    {
        var opened = 0;
        var text = "id,text\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"r{i},row {i}\n"));
        var table = CsvTable.FromReader(() => { opened++; return new PieceReader(text, 64); }, "t.csv", "utf-8");

        Assert.Equal(500, table.Rows().Count());
        Assert.Equal(["id", "text"], table.Headers);
        Assert.Equal(3, opened); // the start (separator), the header, the rows
    }

    /// <summary>The table as text: headers, then each row's line, field count and fields; or the error's message and line.</summary>
    private static string Read(Func<CsvTable> open)
    {
        var lines = new List<string>();
        try
        {
            var table = open();
            lines.Add(string.Join('|', table.Headers));
            foreach (var row in table.Rows())
            {
                lines.Add($"{row.Line} {row.FieldCount} [{string.Join("][", row.Fields)}]");
            }
        }
        catch (InputException e)
        {
            lines.Add($"error: {e.Message}");
        }

        return string.Join('\n', lines);
    }

    /// <summary>A reader that hands out at most <c>piece</c> characters a call, so that fields, quotes and line breaks fall across reads.</summary>
    [Fact]
    public void FromReader_HeaderWithAQuoteLeftOpen_StopsAtTheBoundNamingTheQuote()
    {
        // Review of the sixth session: the header was read to the end of the file (up to the 256 MiB file limit).
        var text = "id,\"text,date\n" + string.Concat(Enumerable.Repeat("r1,Common prosperity and charity.,2021\n", 3 * CsvTable.MaxHeaderCharacters / 40));
        var reader = new PieceReader(text, 4096);

        var error = Assert.Throws<InputException>(() => CsvTable.FromReader(() => reader, "big.csv", "utf-8"));

        Assert.Equal("big.csv:1: the double quote at column 4 of the header row is not closed within 1,048,576 characters, so the rest of the file would be read as one column name. "
            + "Close that quote, write it twice (\"\") if it belongs in the column name, or remove it: the first line holds the column names only.", error.Message);
        Assert.InRange(reader.CharactersRead, CsvTable.MaxHeaderCharacters, CsvTable.MaxHeaderCharacters + (1 << 16));
    }

    [Fact]
    public void FromText_HeaderWithAQuoteLeftOpen_IsRefusedAsFromReader()
    {
        var text = "\nid,\"date\n" + new string('x', CsvTable.MaxHeaderCharacters);

        var error = Assert.Throws<InputException>(() => CsvTable.FromText(text, "big.csv"));

        Assert.StartsWith("big.csv:2: the double quote at column 4 of the header row is not closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromReader_FirstLineLongerThanTheBoundWithoutQuotes_IsRefusedAsNoHeader()
    {
        var error = Assert.Throws<InputException>(() => CsvTable.FromReader(() => new StringReader(new string('a', CsvTable.MaxHeaderCharacters + 1)), "one.csv", "utf-8"));

        Assert.StartsWith("one.csv:1: the header row (the first line) is longer than 1,048,576 characters", error.Message, StringComparison.Ordinal);
    }

    private sealed class PieceReader(string text, int piece) : TextReader
    {
        private int _at;

        public int CharactersRead => _at;

        public override int Peek() => _at < text.Length ? text[_at] : -1;

        public override int Read() => _at < text.Length ? text[_at++] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(buffer.Length, piece), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }
}
