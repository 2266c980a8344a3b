using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// What the report writer (<see cref="CsvReport"/>) writes, the CSV reader (<see cref="CsvTable"/>) reads
/// back exactly, once <see cref="CsvReport.UnescapeFormula"/> has removed the <c>'</c> put before cells a
/// spreadsheet would run as formulas. The one value that cannot come back is text that itself starts
/// with <c>'</c> followed by <c>= + - @</c>, tab or CR: it reads as an escaped formula and loses the
/// <c>'</c>. The generator leaves such cells out; <see cref="UnescapeFormula_ApostropheThenFormula_IsTheDocumentedLimitation"/> pins it.
/// </summary>
public class CsvRoundTripPropertyTests
{
    private static readonly string[] Pieces =
    [
        "plain", "two words", "", " ", "  padded  ", ",", "a,b", "\"", "say \"hi\"", "\"\"", "\n", "line\nbreak", "\r\n", "crlf\r\nline", "end\r",
        "=SUM(A1:A9)", "+1", "-1", "-", "@cmd", "\tTab", "\rCR", "=", "'", "'quoted'", "it's", "共同富裕", "慈善，基金会。", "；", ";", "|", "\t",
        "😀", "𠀀", "e\u0301", "\u00A0", "\u3000", "sep=;", "#", "\\", "NULL", "0", "007", "1.5",
    ];

    private static Gen<string> Cell() =>
        Gen.Elements(Pieces).ListOf().Select(parts => string.Concat(parts))
            .Where(cell => !(cell.Length >= 2 && cell[0] == '\'' && "=+-@\t\r".Contains(cell[1], StringComparison.Ordinal)));

    [Property(MaxTest = 300)]
    public Property WriteThenRead_AnyCells_ComeBackExactlyAfterUnescaping() =>
        Prop.ForAll(Gen.Choose(1, 4).SelectMany(columns => Cell().ArrayOf(columns).ArrayOf()).ToArbitrary(), rows =>
        {
            using var temp = new TempDirectory();
            var path = temp.File("round.csv");
            var columns = rows.Length == 0 ? 1 : rows[0].Length;
            var header = Enumerable.Range(0, columns).Select(c => (object?)$"c{c}").ToArray();
            using (var csv = CsvReport.Create(path))
            {
                csv.WriteRow(header);
                foreach (var row in rows)
                {
                    csv.WriteRow([.. row.Cast<object?>()]);
                }
            }

            var table = CsvTable.Open(path);
            var read = table.Rows().Select(r => r.Fields.Select(CsvReport.UnescapeFormula).ToArray()).ToArray();

            Assert.Equal(header.Cast<string>(), table.Headers);
            Assert.Equal(rows.Length, read.Length);
            for (var i = 0; i < rows.Length; i++)
            {
                Assert.Equal(rows[i], read[i]);
            }
        });

    [Theory]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("-1", "'-1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("plain", "plain")]
    [InlineData("'plain", "'plain")]
    [InlineData("'", "'")]
    public void UnescapeFormula_EscapedCell_GivesTheTextBack(string text, string cell)
    {
        Assert.Equal(text, CsvReport.UnescapeFormula(cell));
    }

    [Fact]
    public void UnescapeFormula_ApostropheThenFormula_IsTheDocumentedLimitation()
    {
        // Text that really starts with '= is written unescaped ('= is not a formula) and read back as =.
        Assert.Equal("=x", CsvReport.UnescapeFormula("'=x"));
    }
}
