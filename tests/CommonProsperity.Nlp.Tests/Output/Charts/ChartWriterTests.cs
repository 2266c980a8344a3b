using CommonProsperity.Nlp.Output.Charts;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output.Charts;

public class ChartWriterTests
{
    private static readonly string[] Themes = ["inequality", "control", "philanthropy", "common_prosperity"];

    [Fact]
    public void ChineseFont_IsInstalled()
    {
        // CI installs fonts-noto-cjk (.ci/run); without it Chinese labels render as boxes.
        Assert.True(ChartFonts.ChineseCapable is not null, ChartFonts.Warning);
    }

    [Fact]
    public void Heatmap_WithChineseLabels_WritesAPngSizedToItsGrid()
    {
        using var temp = new TempDirectory();
        var path = temp.File("heatmap.tmp");
        double[,] values = { { 1.5, 20, 0 }, { 3, 0.2, 44.1 } };

        HeatmapChart.Write(path, "主题 per document", ["2021-06-10_zhejiang_zh", "慈善法"], ["慈善 组织", "control", "economy"], values, "hits per 1,000 tokens", "theme");

        var (width, height) = PngFile.AssertValid(path);
        Assert.Equal((1055, 500), (width, height));
    }

    [Fact]
    public async Task Heatmap_DrawnAgainAfterTheWarmUp_IsTheSameBytes()
    {
        // The run warms the drawing up on the thread pool (AnalysisCharts.PrepareInBackground) and relies on
        // drawing being deterministic: a chart drawn after it is byte for byte the one drawn before.
        using var temp = new TempDirectory();
        double[,] values = { { 1.5, 20, 0 }, { 3, 0.2, 44.1 } };
        void Draw(string name) => HeatmapChart.Write(temp.File(name), "主题 per document", ["2021-06-10_zhejiang_zh", "慈善法"], ["慈善 组织", "control", "economy"], values, "hits per 1,000 tokens", "theme");

        Draw("before.png");
        var warmUp = AnalysisCharts.PrepareInBackground();
        Assert.Same(warmUp, AnalysisCharts.PrepareInBackground()); // once per process
        await warmUp;
        BarChart.Write(null, "Theme profile", Themes, [("en", [1, 20, 0, 0.5])], "hits per 1,000 tokens"); // drawn, not kept
        Draw("after.png");

        Assert.Equal(File.ReadAllBytes(temp.File("before.png")), File.ReadAllBytes(temp.File("after.png")));
        Assert.Equal(["after.png", "before.png"], Directory.GetFiles(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BarChart_SeveralSeries_WritesAPng()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bars.png");

        BarChart.Write(path, "Theme profile", Themes, [("en", [1, 20, 0, 0.5]), ("zh", [2.5, 14, 13, 0.6])], "hits per 1,000 tokens");

        var (width, height) = PngFile.AssertValid(path);
        Assert.Equal((1000, 700), (width, height));
    }

    [Fact]
    public void LineChart_YearsAndMonths_WritesAPng()
    {
        using var temp = new TempDirectory();

        LineChart.Write(temp.File("years.png"), "Themes by year", ["2004", "2017", "2021", "2023"], [("control", [29, 41, 4, 12]), ("economy", [0, 1, 20, 11])], "hits per 1,000 tokens");
        LineChart.Write(temp.File("months.png"), "Themes by month", ["2023-01", "2023-02", "2023-12"], [("control", [1, 2, 3])], "hits per 1,000 tokens");

        Assert.Equal((1400, 700), PngFile.AssertValid(temp.File("years.png")));
        Assert.Equal((1400, 700), PngFile.AssertValid(temp.File("months.png")));
    }

    [Fact]
    public void KeynessChart_OverAndUnderWords_WritesAPngTallEnoughForEveryWord()
    {
        using var temp = new TempDirectory();
        var path = temp.File("keyness.png");
        var over = Enumerable.Range(0, 15).Select(i => ($"word{i}", 100.0 - i)).ToList();
        var under = Enumerable.Range(0, 15).Select(i => ($"词语{i}", 80.0 - i)).ToList();

        KeynessChart.Write(path, "Key words: en vs zh", over, under, "more in en", "more in zh");

        var (width, height) = PngFile.AssertValid(path);
        Assert.Equal((1100, 220 + 30 * 30), (width, height));
    }

    [Fact]
    public void Heatmap_MismatchedValues_Throws()
    {
        using var temp = new TempDirectory();

        Assert.Throws<ArgumentException>(() => HeatmapChart.Write(temp.File("x.png"), "t", ["a"], ["b", "c"], new double[1, 1], "s", "c"));
    }

    [Fact]
    public void Longest_MoreItemsThanRows_KeepsTheLongestInTheirOrder()
    {
        int[] tokens = [5, 50, 1, 40, 30];

        var kept = AnalysisCharts.Longest(tokens, t => t, 3);

        Assert.Equal([50, 40, 30], kept);
        Assert.Same(tokens, AnalysisCharts.Longest(tokens, t => t, 5));
    }

    [Theory]
    [InlineData("laws/charity.txt", "charity")]
    [InlineData("posts.csv#p1", "posts.csv#p1")]
    public void Label_DocumentIds_DropTheFolderAndExtension(string id, string label)
    {
        Assert.Equal(label, AnalysisCharts.Label(id));
    }
}
