using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Issue 9, item 6: dates such as <c>2021-13-45</c> and <c>2021-02-30</c> were warned about and yet
/// grouped under 2021 (and months 13 and 00). They now fall in the year group <c>unknown</c>.
/// </summary>
public class InvalidDateGroupingTests
{
    [Fact]
    public void Analyze_InvalidDates_AreWarnedAndLeftOutOfTheYearGroups()
    {
        // Arrange
        using var temp = new TempDirectory();
        foreach (var name in new[] { "a.txt", "b.txt", "c.txt" })
        {
            temp.Write($"in/{name}", "Charity grows.");
        }

        temp.Write("in/sources.csv", "file,date\na.txt,2021-13-45\nb.txt,2021-06-10\nc.txt,2021-02-30\n");

        // Act
        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--out", temp.File("out"), "--quiet", "--no-charts");

        // Assert
        Assert.Equal(0, code);
        Assert.Contains("warning: sources.csv:2: the date '2021-13-45' is not yyyy-MM-dd", error, StringComparison.Ordinal);
        Assert.Contains("warning: sources.csv:4: the date '2021-02-30' is not yyyy-MM-dd", error, StringComparison.Ordinal);
        var years = ReportReader.Read(temp.File("out/corpus_summary.csv"))
            .Where(r => r["group_by"] == "year" && r["theme"] == "philanthropy")
            .ToDictionary(r => r["group"], r => r["documents"]);
        Assert.Equal(new Dictionary<string, string> { ["2021"] = "1", ["unknown"] = "2" }, years);
    }
}
