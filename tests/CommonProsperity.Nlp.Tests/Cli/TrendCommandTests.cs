using System.Globalization;
using System.Text.Json;
using CommonProsperity.Nlp.Cli;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;
using MiniExcelLibs;
using Spectre.Console;

namespace CommonProsperity.Nlp.Tests.Cli;

public class TrendCommandTests
{
    [Fact]
    public void Trend_SharedCorpusByYear_WritesOneRowPerYearAndThemeAndAChart()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("trend", Path.Combine(TestPaths.Shared, "corpus"), "--out", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("by year for 13 document(s), 9 period(s)", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(temp.File(ReportFiles.ThemeTrend));
        Assert.Equal(9 * Codebook.Themes.Count, rows.Count);
        Assert.Equal(["2004", "2017", "2018", "2021", "2022", "2023", "2024", "2025", "2026"], rows.Select(r => r["period"]).Distinct());
        Assert.Equal(13, rows.Where(r => r["theme"] == "control").Sum(r => int.Parse(r["documents"], CultureInfo.InvariantCulture)));
        PngFile.AssertValid(temp.File(ReportFiles.ThemeTrendChart));
    }

    [Fact]
    public void Trend_ByMonth_UsesYearAndMonth()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("trend", Path.Combine(TestPaths.Shared, "corpus"), "--by", "month", "--out", temp.Path, "--no-charts");

        Assert.True(code == 0, error);
        var rows = ReportReader.Read(temp.File(ReportFiles.ThemeTrend));
        Assert.Contains(rows, r => r["period"] == "2021-06" && r["period_by"] == "month");
        Assert.False(File.Exists(temp.File(ReportFiles.ThemeTrendChart)));
    }

    [Fact]
    public void Trend_UndatedDocuments_ExitsWith64SayingWhereDatesGo()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("in/a.txt", "Charity and donations.");

        var (code, _, error) = CliRunner.Run("trend", Path.GetDirectoryName(input)!, "--out", temp.File("out"));

        Assert.Equal(64, code);
        Assert.Contains("none of the 1 document(s) has a date", error, StringComparison.Ordinal);
        Assert.Contains("sources.csv", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_UnknownPeriod_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("trend", TestPaths.MiniCorpus, "--by", "week");

        Assert.Equal(64, code);
        Assert.Contains("--by week is not a period", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Trend_ChartThemesAndRelativeScale_AreRecordedAndTheCsvKeepsEveryTheme()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("trend", Path.Combine(TestPaths.Shared, "corpus"), "--out", temp.Path,
            "--themes", "inequality,common_prosperity", "--chart-scale", "relative");

        Assert.True(code == 0, error);
        PngFile.AssertValid(temp.File(ReportFiles.ThemeTrendChart));
        Assert.Equal(9 * Codebook.Themes.Count, ReportReader.Read(temp.File(ReportFiles.ThemeTrend)).Count);
        var manifest = File.ReadAllText(temp.File(ReportFiles.Manifest));
        Assert.Contains("\"chart_themes\": \"inequality;common_prosperity\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"chart_scale\": \"relative\"", manifest, StringComparison.Ordinal);
        Assert.All(output.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.True(l.TrimEnd('\r').Length <= ConsoleWidth.Default, l));
        Assert.Contains("2026", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--themes", "inequality,wealth", "the theme 'wealth' to chart is not one of the lexicon's")]
    [InlineData("--chart-scale", "log", "--chart-scale log is not a scale")]
    public void Trend_BadChartOption_ExitsWith64SayingWhatWouldWork(string option, string value, string message)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("trend", Path.Combine(TestPaths.Shared, "corpus"), "--out", temp.Path, option, value);

        Assert.Equal(64, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendTerms_WrittenCorpus_MatchesGoldenTermTrendCsv()
    {
        using var temp = new TempDirectory();
        var corpus = WriteTermCorpus(temp);

        var (code, output, error) = CliRunner.Run("trend", corpus, "--terms", "共同富裕,富裕", "--terms", "common prosperity", "--terms", "philanthrop*", "--out", temp.File("out"), "--no-charts", "--no-html");

        Assert.True(code == 0, error);
        Assert.Contains("1 of 5 document(s) have no date and were left out: e.txt", error, StringComparison.Ordinal);
        Assert.Contains("Terms by year for 5 document(s), 3 period(s)", output, StringComparison.Ordinal);
        Assert.Matches(@"\n   共同富裕 +3 +2 +2019-11-20 +2020-05\r?\n", output);
        Assert.Matches(@"\n   common prosperity +3 +2 +2019-03-01 +2022-01-15\r?\n", output);
        var golden = Path.Combine(TestPaths.SourceFixtures, "Golden", "trend", ReportFiles.TermTrend);
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.Copy(temp.File("out/" + ReportFiles.TermTrend), golden, overwrite: true);
        }

        Assert.Equal(File.ReadAllText(golden), File.ReadAllText(temp.File("out/" + ReportFiles.TermTrend)));
        Assert.Equal(ReportFiles.TermTrend, Assert.Single(Directory.GetFiles(temp.File("out"), "*.csv").Select(Path.GetFileName)));
    }

    [Fact]
    public void TrendTerms_ByMonthWithChartPageAndWorkbook_WritesThemAllAndFitsTheConsole()
    {
        using var temp = new TempDirectory();
        var corpus = WriteTermCorpus(temp);

        var (code, output, error) = CliRunner.Run("trend", corpus, "--terms", "共同富裕", "--terms", "common prosperity", "--by", "month", "--chart-scale", "relative", "--xlsx", "--out", temp.File("out"));

        Assert.True(code == 0, error);
        var rows = ReportReader.Read(temp.File("out/" + ReportFiles.TermTrend));
        Assert.Equal(["2019-03", "2019-11", "2020-05", "2022-01"], rows.Select(r => r["period"]).Distinct());
        Assert.All(rows, r => Assert.Equal("month", r["period_by"]));
        PngFile.AssertValid(temp.File("out/" + ReportFiles.TermTrendChart));
        Assert.Contains("term_trend.csv", File.ReadAllText(temp.File("out/" + ReportFiles.Report)), StringComparison.Ordinal);
        var book = temp.File("out/" + ReportFiles.Workbook);
        Assert.Equal(["term_trend"], MiniExcel.GetSheetNames(book));
        var sheet = MiniExcel.Query(book, useHeaderRow: true, sheetName: "term_trend").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(rows.Count, sheet.Count);
        Assert.All(sheet, r => Assert.IsType<double>(r["per_1000_words"]));
        Assert.Contains(sheet, r => (string?)r["term"] == "共同富裕" && (string?)r["first_document"] == "b.txt");
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("out/" + ReportFiles.Manifest)));
        var options = manifest.RootElement.GetProperty("options");
        Assert.Equal("共同富裕;common prosperity", options.GetProperty("terms").GetString());
        Assert.Equal("relative", options.GetProperty("chart_scale").GetString());
        Assert.Equal(SearchTermsSource, manifest.RootElement.GetProperty("lexicon").GetProperty("source").GetString());
        var table = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("   20", StringComparison.Ordinal)).ToList();
        Assert.Equal(rows.Count, table.Count);
        Assert.All(output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.True(l.GetCellWidth() <= ConsoleWidth.Default, l));
    }

    [Theory]
    [InlineData(new[] { "--terms", "共同富裕", "--themes", "inequality" }, "give one or the other")]
    [InlineData(new[] { "--terms", "共同富裕", "--lexicon", "l.csv" }, "--lexicon does not go with --terms")]
    [InlineData(new[] { "--terms", "共同富裕,，" }, "search term 2")]
    [InlineData(new[] { "--terms", "共同富裕", "--by", "week" }, "--by week is not a period")]
    public void TrendTerms_BadOptions_ExitWith64SayingWhy(string[] options, string message)
    {
        var (code, _, error) = CliRunner.Run(["trend", TestPaths.MiniCorpus, .. options]);

        Assert.Equal(64, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private const string SearchTermsSource = CommonProsperity.Nlp.Counting.SearchTerms.Source;

    /// <summary>Five short documents, English and Chinese, dated 2019 to 2022 with no 2021 (a gap), one undated.</summary>
    private static string WriteTermCorpus(TempDirectory temp)
    {
        temp.Write("in/sources.csv", "file,title,date,language\na.txt,A,2019-03-01,en\nb.txt,B,2019-11-20,zh\nc.txt,C,2020-05,zh\nd.txt,D,2022-01-15,en\ne.txt,E,,zh\n");
        temp.Write("in/a.txt", "Common prosperity is the goal. The common-prosperity campaign praised philanthropy and philanthropists.");
        temp.Write("in/b.txt", "扎实推动共同富裕。共同富裕是社会主义的本质要求。人民富裕起来。");
        temp.Write("in/c.txt", "促进共同富裕，发展慈善事业。");
        temp.Write("in/d.txt", "Philanthropic giving rose, and common prosperity was named once.");
        temp.Write("in/e.txt", "共同富裕，共同富裕，共同富裕。");
        return temp.File("in");
    }
}
