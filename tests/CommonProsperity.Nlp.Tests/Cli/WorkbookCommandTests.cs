using System.Globalization;
using System.Text.Json;
using CommonProsperity.Nlp.Tests.Support;
using MiniExcelLibs;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary><c>--xlsx</c> end to end: the workbook read back with MiniExcel, the library that wrote it.</summary>
public class WorkbookCommandTests
{
    [Fact]
    public void Analyze_Xlsx_WritesOneSheetPerCsvReportWithTheCsvsCells()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--lexicon", TestPaths.MiniLexicon, "--out", temp.Path, "--xlsx", "-q", "--no-charts", "--no-html");

        Assert.True(code is 0 or 2, error);
        Assert.Contains(ReportFiles.Workbook, output, StringComparison.Ordinal);
        var book = temp.File(ReportFiles.Workbook);
        Assert.Equal(["theme_frequency", "theme_frequency_wide", "corpus_summary", "term_frequency", "evidence"], MiniExcel.GetSheetNames(book));
        foreach (var sheet in MiniExcel.GetSheetNames(book))
        {
            var csv = ReportReader.Read(temp.File(sheet + ".csv"));
            var rows = MiniExcel.Query(book, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(csv.Count, rows.Count);
            Assert.Equal(csv[0].Keys, rows[0].Keys);
            for (var r = 0; r < csv.Count; r++)
            {
                foreach (var (column, text) in csv[r])
                {
                    var cell = rows[r][column];
                    Assert.Equal(text, cell switch
                    {
                        null => "",
                        double d => d.ToString(text.Contains('.', StringComparison.Ordinal) ? "0.0000" : "0", CultureInfo.InvariantCulture),
                        _ => Convert.ToString(cell, CultureInfo.InvariantCulture),
                    });
                }
            }
        }

        var frequency = MiniExcel.Query(book, useHeaderRow: true, sheetName: "theme_frequency").Cast<IDictionary<string, object?>>().ToList();
        Assert.All(frequency, r => Assert.IsType<double>(r["hits"]));
        Assert.Contains(MiniExcel.Query(book, useHeaderRow: true, sheetName: "evidence").Cast<IDictionary<string, object?>>(),
            r => ((string)r["match"]!).Any(c => c >= '\u4e00' && c <= '\u9fff'));
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File(ReportFiles.Manifest)));
        Assert.Contains(ReportFiles.Workbook, manifest.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("yes", manifest.RootElement.GetProperty("options").GetProperty("xlsx").GetString());
    }

    [Fact]
    public void Merge_Xlsx_WritesTheWorkbookOfTheSingleRun()
    {
        using var temp = new TempDirectory();
        string[] common = ["--lexicon", TestPaths.MiniLexicon, "-q", "--no-charts", "--no-html"];
        var (single, _, singleError) = CliRunner.Run(["analyze", TestPaths.MiniCorpus, "--out", temp.File("single"), "--xlsx", .. common]);
        CliRunner.Run(["analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), .. common]);
        CliRunner.Run(["analyze", TestPaths.MiniCorpus, "--shard", "1/2", "--out", temp.File("s1"), .. common]);

        var (code, output, error) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--xlsx", "--evidence", "copy");

        Assert.True(single is 0 or 2, singleError);
        Assert.True(code is 0 or 2, error);
        Assert.Contains(ReportFiles.Workbook, output, StringComparison.Ordinal);
        var merged = temp.File("merged/" + ReportFiles.Workbook);
        var expected = temp.File("single/" + ReportFiles.Workbook);
        Assert.Equal(MiniExcel.GetSheetNames(expected), MiniExcel.GetSheetNames(merged));
        foreach (var sheet in MiniExcel.GetSheetNames(expected))
        {
            static List<string> Rows(string book, string sheet) =>
                [.. MiniExcel.Query(book, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()
                    .Select(r => string.Join("|", r.Select(c => $"{c.Key}={Convert.ToString(c.Value, CultureInfo.InvariantCulture)}")))];
            Assert.Equal(Rows(expected, sheet), Rows(merged, sheet));
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("merged/" + ReportFiles.Manifest)));
        Assert.Contains(ReportFiles.Workbook, manifest.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("yes", manifest.RootElement.GetProperty("options").GetProperty("xlsx").GetString());
    }

    [Fact]
    public void Analyze_WithoutXlsx_WritesNoWorkbook()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.Path, "-q", "--no-charts", "--no-html");

        Assert.True(code is 0 or 2, error);
        Assert.False(File.Exists(temp.File(ReportFiles.Workbook)));
    }

    [Theory]
    [InlineData("ngrams", new[] { "ngrams" })]
    [InlineData("collocations", new[] { "collocations" })]
    [InlineData("trend", new[] { "theme_trend" })]
    public void Discovery_Xlsx_WritesTheirReportsAsSheets(string command, string[] sheets)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run(command, Path.Combine(TestPaths.Fixtures, "Phrases"), "--out", temp.Path, "--xlsx", "--no-charts");

        Assert.True(code == 0, error);
        Assert.Equal(sheets, MiniExcel.GetSheetNames(temp.File(ReportFiles.Workbook)));
        var first = MiniExcel.Query(temp.File(ReportFiles.Workbook), useHeaderRow: true, sheetName: sheets[0]).Cast<IDictionary<string, object?>>().First();
        Assert.IsType<double>(first["documents"]);
    }
}
