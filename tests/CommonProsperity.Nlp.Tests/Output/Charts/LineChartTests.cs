using CommonProsperity.Nlp.Output.Charts;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output.Charts;

public class LineChartTests
{
    [Fact]
    public void Runs_MissingYears_StartANewRun()
    {
        // The government work reports: none 1965-1974, none in 2023.
        Assert.Equal([(0, 2), (2, 1), (3, 2), (5, 1)], LineChart.Runs(["1963", "1964", "1975", "2021", "2022", "2024"]));
    }

    [Fact]
    public void Runs_Months_AreConsecutiveAcrossTheTurnOfTheYear()
    {
        Assert.Equal([(0, 3), (3, 1)], LineChart.Runs(["2021-11", "2021-12", "2022-01", "2022-03"]));
    }

    [Fact]
    public void Runs_NoPeriods_AreNone()
    {
        Assert.Empty(LineChart.Runs([]));
    }

    [Fact]
    public void Write_RelativeScaleWithGaps_DrawsAPng()
    {
        using var temp = new TempDirectory();

        LineChart.Write(temp.File("chart.png"), "Themes by year", ["1963", "1964", "1975"],
            [("economy", [700.0, 650, 690]), ("inequality", [0.0, 2.5, 0]), ("control", [0.0, 0, 0])], "hits per 1,000 words", relative: true);

        PngFile.AssertValid(temp.File("chart.png"));
    }

    [Fact]
    public void Ticks_PeriodsFarApart_LabelsEveryOne()
    {
        Assert.Equal([0, 1, 2, 3], LineChart.Ticks([2004, 2017, 2018, 2026], labelPixels: 46, axisPixels: 1100));
    }

    [Fact]
    public void Ticks_MonthsBunchedTogether_LabelsOnlyThoseThatDoNotOverprint()
    {
        // 2021-04, 2021-06, 2021-11, 2022-06 on an axis from 2004 to 2026: labels 70 pixels wide need 1.4 years between them.
        double[] xs = [2004.17, 2021.25, 2021.42, 2021.83, 2022.42, 2026.25];

        Assert.Equal([0, 1, 5], LineChart.Ticks(xs, labelPixels: 70, axisPixels: 1100));
    }

    [Fact]
    public void Write_ChineseSeriesNames_DrawsAPng()
    {
        using var temp = new TempDirectory();

        LineChart.Write(temp.File("chart.png"), "Terms by year", ["2021", "2022", "2024"],
            [("共同富裕", [3.7, 0, 0.1]), ("common prosperity", [0.0, 1, 0])], "hits per 1,000 words", relative: true, seriesNoun: "term");

        PngFile.AssertValid(temp.File("chart.png"));
    }
}
