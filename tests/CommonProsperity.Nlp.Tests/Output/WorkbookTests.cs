using System.IO.Compression;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using MiniExcelLibs;

namespace CommonProsperity.Nlp.Tests.Output;

public class WorkbookTests
{
    // A declared report (lexicon check --validated): text, integer and rate columns; the theme and term look like numbers or formulas.
    private const string Validated =
        "level,theme,term,checked,correct,precision,precision_low,precision_high\r\n" +
        "term,007,共同富裕,12,3,0.2500,0.0893,0.5323\r\n" +
        "term,008,'=SUM(A1),4,,1.0000,0.5101,1.0000\r\n" +
        "theme,2021,=1+1,0,0,,,\r\n";

    private static List<IDictionary<string, object?>> Sheet(string path, string name) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>()];

    private static string SheetXml(string path, int sheet)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry($"xl/worksheets/sheet{sheet}.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public void Write_DeclaredReport_TypesEachColumnByItsDeclarationNotItsCells()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write(ReportFiles.ValidatedPrecision, Validated);

        Workbook.Write(temp.File("book.xlsx"), [csv]);

        Assert.Equal(["validated_precision"], MiniExcel.GetSheetNames(temp.File("book.xlsx")));
        var rows = Sheet(temp.File("book.xlsx"), "validated_precision");
        Assert.Equal(["level", "theme", "term", "checked", "correct", "precision", "precision_low", "precision_high"], rows[0].Keys);
        // theme is declared text: "007" and "2021" stay text although they look like numbers.
        Assert.Equal(("007", "共同富裕", 12.0, 0.25), ((string)rows[0]["theme"]!, (string)rows[0]["term"]!, (double)rows[0]["checked"]!, (double)rows[0]["precision"]!));
        Assert.Equal("2021", rows[2]["theme"]);
        Assert.IsType<double>(rows[2]["checked"]);
        Assert.Null(rows[1]["correct"]);
        Assert.Null(rows[2]["precision"]);
    }

    [Fact]
    public void Write_GoldenWideReport_TypesPerThemeAndDocumentNumberColumnsAsNumbersAndMetadataAsText()
    {
        using var temp = new TempDirectory();
        var csv = temp.File(ReportFiles.ThemeFrequencyWide);
        File.Copy(Path.Combine(TestPaths.Fixtures, "Golden", ReportFiles.ThemeFrequencyWide), csv);

        Workbook.Write(temp.File("book.xlsx"), [csv]);

        var law = Sheet(temp.File("book.xlsx"), "theme_frequency_wide").First(r => (string)r["document"]! == "law_zh.txt");
        Assert.Equal("2023-12-29", law["date"]);
        Assert.Equal("NPC", law["publisher"]);
        Assert.Equal(49.0, law["tokens"]);
        Assert.Equal(2.0, law["inequality_hits"]);
        Assert.Equal(40.8163, law["inequality_per_1000"]);
        Assert.Equal(150.0, law["philanthropy_per_1000_words"]);
    }

    [Fact]
    public void Write_ConcordanceWithMetadata_TypesOffsetsAsNumbersAndTheMetadataAsText()
    {
        using var temp = new TempDirectory();
        var csv = temp.File(ReportFiles.Kwic);
        File.Copy(Path.Combine(TestPaths.Fixtures, "Golden", "kwic", ReportFiles.Kwic), csv);

        Workbook.Write(temp.File("book.xlsx"), [csv]);

        var first = Sheet(temp.File("book.xlsx"), "kwic")[0];
        Assert.Equal((46.0, 50.0, 2.0), ((double)first["start"]!, (double)first["end"]!, (double)first["sentence_index"]!));
        Assert.Equal("共同富裕", first["match"]);
        Assert.Equal("s2", first["meta_id"]);
    }

    [Fact]
    public void Write_UndeclaredReport_StopsSayingToDeclareItsColumns()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write("terms.csv", "term,count\r\n共同富裕,12\r\n");

        var error = Assert.Throws<InvalidOperationException>(() => Workbook.Write(temp.File("book.xlsx"), [csv]));

        Assert.Contains("terms.csv has no declared columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HeaderTheDeclarationDoesNotGive_StopsNamingTheReport()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write(ReportFiles.ValidatedPrecision, "level,theme,term,checked,correct,precision\r\n");

        var error = Assert.Throws<InvalidOperationException>(() => Workbook.Write(temp.File("book.xlsx"), [csv]));

        Assert.Contains("the header of validated_precision.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_ConditionalAndPerThemeColumns_ReadOffTheDeclaration()
    {
        // corpus_summary.csv of a lexicon with labels and weights, two themes, and theme_frequency_wide.csv whose per-theme columns must share one theme order.
        string[] wide = ["document", "title", "date", "publisher", "language", .. DocumentNumbersHeader(), "a_hits", "b_hits", "a_weighted", "b_weighted", "a_per_1000", "b_per_1000", "a_per_1000_words", "b_per_1000_words"];
        string[] mixed = [.. wide[..^2], "b_per_1000_words", "a_per_1000_words"];

        var formats = Workbook.Formats(ReportFiles.ThemeFrequencyWide, wide);

        Assert.Equal(ColumnFormat.Text, formats[0]);
        Assert.Equal([ColumnFormat.Integer, ColumnFormat.Integer, ColumnFormat.Rate, ColumnFormat.Rate], formats.Skip(wide.Length - 8).Take(4));
        Assert.Throws<InvalidOperationException>(() => Workbook.Formats(ReportFiles.ThemeFrequencyWide, mixed));
    }

    private static IEnumerable<string> DocumentNumbersHeader() =>
        AnalysisReports.ThemeFrequencyWide.Columns.Where(c => !c.PerTheme).Skip(5).Select(c => c.Name);

    [Fact]
    public void Write_FormulaLikeText_StaysTextAsInTheCsvNeverAFormula()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write(ReportFiles.ValidatedPrecision, Validated);

        Workbook.Write(temp.File("book.xlsx"), [csv]);

        var rows = Sheet(temp.File("book.xlsx"), "validated_precision");
        Assert.Equal("'=SUM(A1)", rows[1]["term"]);
        Assert.Equal("=1+1", rows[2]["term"]);
        Assert.DoesNotContain("<x:f", SheetXml(temp.File("book.xlsx"), 1), StringComparison.Ordinal);
        Assert.DoesNotContain("<f>", SheetXml(temp.File("book.xlsx"), 1), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AnySheet_FreezesTheHeaderRow()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write(ReportFiles.ValidatedPrecision, Validated);

        Workbook.Write(temp.File("book.xlsx"), [csv]);

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

        Workbook.Write(temp.File("book.xlsx"), [csv]);

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
        var csv = temp.Write(ReportFiles.ValidatedPrecision,
            "level,theme,term,checked,correct,precision,precision_low,precision_high\r\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"term,t{i},w{i},{i},{i},1,1,1\r\n")));

        Workbook.Write(temp.File("book.xlsx"), [csv], maxRows: 5);

        var rows = Sheet(temp.File("book.xlsx"), "validated_precision");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["t1", "t2", "t3"], rows.Take(3).Select(r => (string)r["theme"]!));
        Assert.Equal("... 7 more rows in validated_precision.csv (an Excel sheet holds 5 rows)", rows[3]["level"]);
    }

    [Fact]
    public void Write_HeaderOnlyReport_KeepsTheHeader()
    {
        using var temp = new TempDirectory();
        var csv = temp.Write(ReportFiles.ValidatedPrecision, "level,theme,term,checked,correct,precision,precision_low,precision_high\r\n");

        Workbook.Write(temp.File("book.xlsx"), [csv]);

        var rows = MiniExcel.Query(temp.File("book.xlsx"), useHeaderRow: false, sheetName: "validated_precision").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["level", "theme", "term", "checked", "correct", "precision", "precision_low", "precision_high"], rows[0].Values);
    }

    [Fact]
    public void Declared_TheReportsOfEveryCommandThatWritesAWorkbook_AreThere()
    {
        IEnumerable<IReportLayout> written = [.. AnalysisReports.All, .. AnalysisReports.MergeOnly, .. ReportReference.Discovery, ConcordanceReport.Lines, ConcordanceReport.Sample];

        Assert.All(written, l => Assert.Contains(l, Workbook.Declared));
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
