using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public class AnalyzeCommandTests
{
    [Fact]
    public void Analyze_RepositoryCorpus_SeedHasInequalityControlAndPhilanthropy()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("analyze", Path.Combine(TestPaths.RepoRoot, "corpus"), "--out", temp.Path, "--quiet");

        Assert.True(code == 0, error);
        Assert.Contains("Analysed 1 document(s)", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(temp.File(ReportFiles.ThemeFrequency));
        foreach (var theme in new[] { "inequality", "control", "philanthropy" })
        {
            Assert.True(int.Parse(rows.Single(r => r["theme"] == theme)["hits"], System.Globalization.CultureInfo.InvariantCulture) > 0, theme);
        }

        Assert.Equal("Asia Society Policy Institute", rows[0]["publisher"]);
    }

    [Fact]
    public void Analyze_SharedCorpus_CoversAllThirteenDocuments()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", Path.Combine(TestPaths.Shared, "corpus"), "--out", temp.Path, "--quiet");

        Assert.True(code == 0, error);
        var wide = ReportReader.Read(temp.File(ReportFiles.ThemeFrequencyWide));
        Assert.Equal(13, wide.Count);
        Assert.All(wide, row => Assert.NotEqual("0", row["tokens"]));
    }

    [Theory]
    [InlineData(false, "so it is counted twice. Remove one of the two, or run with --dedupe to count the first only.", "Analysed 2 document(s)")]
    [InlineData(true, "left out of the counts (--dedupe).", "Analysed 1 document(s)")]
    public void Analyze_SameTextInTwoFiles_WarnsOnStandardErrorAndExitsWithZero(bool dedupe, string said, string analysed)
    {
        using var temp = new TempDirectory();
        temp.Write("in/report.txt", "扎实推动共同富裕。\n完善收入分配制度。");
        temp.Write("in/copy/report (1).txt", "扎实推动共同富裕。完善收入分配制度。\n");
        string[] args = ["analyze", temp.File("in"), "--out", temp.File("out"), "--quiet", "--no-charts", "--no-html"];

        var (code, output, error) = CliRunner.Run(dedupe ? [.. args, "--dedupe"] : args);

        Assert.Equal(0, code);
        Assert.Contains("warning: report.txt: the same text as copy/report (1).txt (ignoring case, spaces and punctuation)", error, StringComparison.Ordinal);
        Assert.Contains(said, error, StringComparison.Ordinal);
        Assert.Contains(analysed, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_SkippedInputs_ExitWithTwoAndNameThem()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--lexicon", TestPaths.MiniLexicon, "--out", temp.Path, "--quiet");

        Assert.Equal(2, code);
        Assert.Contains("skipped: empty.txt: the file is empty", error, StringComparison.Ordinal);
        Assert.Contains("3 input(s) were skipped", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_BadLexicon_ExitsWith65NamingFileAndLine()
    {
        using var temp = new TempDirectory();
        var lexicon = temp.Write("bad.csv", "theme,term\ninequality,income gap\ncontrol,in*equality\n");

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--lexicon", lexicon, "--out", temp.File("out"));

        Assert.Equal(65, code);
        Assert.Contains($"{lexicon}:3: 'in*equality' has a '*' that is not at the end.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Analyze_OutputIsAFile_ExitsWith73()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("out", "x");

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", file);

        Assert.Equal(73, code);
        Assert.Equal($"error: {file}: the output path is an existing file, not a folder. Give a folder for --out (it is created if missing).", error.TrimEnd());
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void Analyze_UnknownOption_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--no-such-option");

        Assert.Equal(64, code);
        Assert.Contains("no-such-option", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NothingReadable_ExitsWith65()
    {
        using var temp = new TempDirectory();
        using var elsewhere = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", temp.Path, "--out", elsewhere.File("out"));

        Assert.Equal(65, code);
        Assert.Contains("no readable documents", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_CsvInputWithOtherTextColumn_UsesTheOption()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("in/posts.csv", "post_id,body\np1,Philanthropy and charity.\np2,No theme here.\n");

        var (code, _, error) = CliRunner.Run("analyze", input, "--text-column", "body", "--id-column", "post_id", "--out", temp.File("out"), "--quiet");

        Assert.True(code == 0, error);
        var rows = ReportReader.Read(temp.File("out/theme_frequency_wide.csv"));
        Assert.Equal(["posts.csv#p1", "posts.csv#p2"], rows.Select(r => r["document"]));
        Assert.Equal("2", rows[0]["philanthropy_hits"]);
    }

    [Fact]
    public void Analyze_SharedCorpus_DrawsHeatmapProfileAndTrendChartsNextToTheReports()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("analyze", Path.Combine(TestPaths.Shared, "corpus"), "--out", temp.Path, "--quiet");

        Assert.True(code == 0, error);
        foreach (var chart in new[] { ReportFiles.ThemeHeatmapChart, ReportFiles.ThemeProfileChart, ReportFiles.ThemeTrendChart })
        {
            PngFile.AssertValid(temp.File(chart));
            Assert.Contains(chart, output, StringComparison.Ordinal);
        }

        Assert.Contains(ReportFiles.ThemeHeatmapChart, File.ReadAllText(temp.File(ReportFiles.Manifest)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Analyze_NoCharts_WritesTheCsvReportsOnly()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", Path.Combine(TestPaths.RepoRoot, "corpus"), "--out", temp.Path, "--quiet", "--no-charts");

        Assert.True(code == 0, error);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.png"));
        Assert.True(File.Exists(temp.File(ReportFiles.ThemeFrequency)));
    }

    [Fact]
    public void Analyze_ChartThemesAndRelativeScale_AreDrawnRecordedAndLeaveTheCsvWhole()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", Path.Combine(TestPaths.Shared, "corpus"), "--out", temp.Path, "--quiet", "--no-html",
            "--themes", "inequality,common_prosperity", "--chart-scale", "relative");

        Assert.True(code == 0, error);
        PngFile.AssertValid(temp.File(ReportFiles.ThemeHeatmapChart));
        PngFile.AssertValid(temp.File(ReportFiles.ThemeProfileChart));
        PngFile.AssertValid(temp.File(ReportFiles.ThemeTrendChart));
        Assert.Equal(13 * Nlp.Counting.Codebook.Themes.Count, ReportReader.Read(temp.File(ReportFiles.ThemeFrequency)).Count); // every theme, whatever the chart shows
        var manifest = File.ReadAllText(temp.File(ReportFiles.Manifest));
        Assert.Contains("\"chart_themes\": \"inequality;common_prosperity\"", manifest, StringComparison.Ordinal);
        Assert.Contains("\"chart_scale\": \"relative\"", manifest, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--themes", "inequality,wealth", "the theme 'wealth' to chart is not one of the lexicon's")]
    [InlineData("--chart-scale", "log", "--chart-scale log is not a scale")]
    public void Analyze_BadChartOption_ExitsWith64AndWritesNothing(string option, string value, string message)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", temp.File("out"), option, value);

        Assert.Equal(64, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
