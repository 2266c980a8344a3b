using System.IO.Compression;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using MiniExcelLibs;

namespace CommonProsperity.Nlp.Tests.Output;

public class WorkbookTests
{
    // An undeclared report: ids with leading zeros stay text, plain numbers become numbers.
    private const string Undeclared =
        "document,term,count,share\r\n" +
        "007,共同富裕,12,0.25\r\n" +
        "008,'=SUM(A1),3,1.5E-05\r\n" +
        "009,=1+1,,0\r\n";

    private static List<IDictionary<string, object?>> Sheet(string path, string name) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];

    private static string SheetXml(string path, int sheet)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Write_UndeclaredReport_TypesColumnsByTheirCellsAndKeepsChinese()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("terms.csv", Undeclared);

        Workbook.Write(temp.File("book.xlsx"), [(csv, null)]);

        Assert.Equal(["terms"], MiniExcel.GetSheetNames(temp.File("book.xlsx")));
        var rows = Sheet(temp.File("book.xlsx"), "terms");
        Assert.Equal(["document", "term", "count", "share"], rows[0].Keys);
        Assert.Equal(("007", "共同富裕", 12.0, 0.25), ((string)rows[0]["document"]!, (string)rows[0]["term"]!, (double)rows[0]["count"]!, (double)rows[0]["share"]!));
        Assert.Equal(1.5E-05, (double)rows[1]["share"]!, 1e-18);
        Assert.Null(rows[2]["count"]);
    }

    [Fact]
    public void Write_FormulaLikeText_StaysTextAsInTheCsvNeverAFormula()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("terms.csv", Undeclared);

        Workbook.Write(temp.File("book.xlsx"), [(csv, null)]);

        var rows = Sheet(temp.File("book.xlsx"), "terms");
        Assert.Equal("'=SUM(A1)", rows[1]["term"]);
        Assert.Equal("=1+1", rows[2]["term"]);
        Assert.DoesNotContain("<x:f", SheetXml(temp.File("book.xlsx"), 1), StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", SheetXml(temp.File("book.xlsx"), 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnySheet_FreezesTheHeaderRow()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("terms.csv", Undeclared);

        Workbook.Write(temp.File("book.xlsx"), [(csv, null)]);

        Assert.Matches("pane ySplit=\"1\"[^>]*state=\"frozen\"", SheetXml(temp.File("book.xlsx"), 1));
    }

    [Fact]
    public void Write_DeclaredReport_TypesColumnsByTheirDeclaration()
    {
        using var temp = new TempDirectory();
        // A declared text column (term) whose cells all look like numbers stays text.
        var csv = temp.Write(ReportFiles.Ngrams,
            "group_by,group,unit,lang,size,rank,term,count,documents,units_in_group,per_1000\r\n" +
            "year,2021,words,en,1,1,2021,4,1,100,40.0000\r\n");

        Workbook.Write(temp.File("book.xlsx"), [(csv, Workbook.LayoutOf(ReportFiles.Ngrams))]);

        var row = Sheet(temp.File("book.xlsx"), "ngrams").Single();
        Assert.Equal("2021", row["group"]);
        Assert.Equal("2021", row["term"]);
        Assert.Equal(40.0, row["per_1000"]);
        Assert.Equal(4.0, row["count"]);
    }

    [Fact]
    public void Write_ReportLongerThanASheet_EndsWithANoteSayingWhereTheRestIs()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("long.csv", "term,count\r\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"t{i},{i}\r\n")));

        Workbook.Write(temp.File("book.xlsx"), [(csv, null)], maxRows: 5);

        var rows = Sheet(temp.File("book.xlsx"), "long");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["t1", "t2", "t3"], rows.Take(3).Select(r => (string)r["term"]!));
        Assert.Equal("... 7 more rows in long.csv (an Excel sheet holds 5 rows)", rows[3]["term"]);
    }

    [Fact]
    public void Write_HeaderOnlyReport_KeepsTheHeader()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("empty.csv", "term,count\r\n");

        Workbook.Write(temp.File("book.xlsx"), [(csv, null)]);

        var rows = MiniExcel.Query(temp.File("book.xlsx"), useHeaderRow: false, sheetName: "empty").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["term", "count"], rows[0].Values);
    }

    [Theory]
    [InlineData("theme_frequency.csv", "theme_frequency")]
    [InlineData("a_very_long_report_name_beyond_the_limit.csv", "a_very_long_report_name_beyond_")]
    [InlineData("odd[name]?.csv", "odd_name__")]
    public void SheetName_FileName_FitsExcelsRules(string file, string sheet)
    {
        Assert.Equal(sheet, Workbook.SheetName(file, []));
    }
}
