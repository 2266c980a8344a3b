using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Models;

public class ValidatedSampleTests
{
    [Fact]
    public void Read_MarkedSheet_GivesPrecisionPerTermThemeAndAllWithWilsonIntervals()
    {
        using var temp = new TempDirectory();
        var rows = new List<string> { "document,theme,term,match,correct" };
        rows.AddRange(Enumerable.Range(0, 10).Select(i => $"d.txt,philanthropy,慈善,慈善,{(i < 9 ? "y" : "n")}"));
        rows.AddRange(["d.txt,philanthropy,charit*,charity,Yes", "d.txt,philanthropy,charit*,charities,FALSE", "d.txt,philanthropy,charit*,charity,", "d.txt,control,监督,监督,1"]);
        var path = temp.Write("checked.csv", string.Join("\n", rows));

        var sample = ValidatedSample.Read(path);

        Assert.Equal(14, sample.Rows);
        Assert.Equal(1, sample.Unmarked);
        var cishan = sample.Precisions.Single(p => p.Level == "term" && p.Term == "慈善");
        Assert.Equal((10, 9), (cishan.Checked, cishan.Correct));
        Assert.Equal(0.9, cishan.Precision, 10);
        Assert.Equal(0.596, cishan.Low, 3); // 9 of 10: the Wilson interval 0.596-0.982
        Assert.Equal(0.982, cishan.High, 3);
        var theme = sample.Precisions.Single(p => p.Level == "theme" && p.Theme == "philanthropy");
        Assert.Equal((12, 10), (theme.Checked, theme.Correct));
        var all = sample.Precisions.Single(p => p.Level == "all");
        Assert.Equal((13, 11), (all.Checked, all.Correct));
        Assert.Equal(["term", "term", "theme", "term", "theme", "all"], sample.Precisions.Select(p => p.Level));
    }

    [Fact]
    public void Read_BadMarks_ListsEveryBadLineAndTheAllowedMarks()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("checked.csv", "term,correct\n慈善,y\n慈善,maybe\n慈善,n\n,y\n慈善,✓\n");

        var error = Assert.Throws<InputException>(() => ValidatedSample.Read(path));

        Assert.Contains("3 row(s) cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: 'maybe' is not a mark", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: the term is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: '✓' is not a mark", error.Message, StringComparison.Ordinal);
        Assert.Contains("write y or n", error.Message, StringComparison.Ordinal);
        Assert.Contains("checked.csv", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("term,correct\n慈善,\n慈善,\n", "none of its 2 row(s) is marked")]
    [InlineData("term,match\n慈善,慈善\n", "no 'correct' column")]
    [InlineData("match,correct\n慈善,y\n", "no 'term' column")]
    public void Read_SheetNotReady_SaysWhatIsMissing(string text, string message)
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<InputException>(() => ValidatedSample.Read(temp.Write("checked.csv", text)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
