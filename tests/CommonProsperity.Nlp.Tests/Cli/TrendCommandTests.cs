using System.Globalization;
using CommonProsperity.Nlp.Cli;
using CommonProsperity.Nlp.Tests.Support;

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
        Assert.Equal(9 * 8, rows.Count);
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
        Assert.Equal(9 * 8, ReportReader.Read(temp.File(ReportFiles.ThemeTrend)).Count);
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
}
