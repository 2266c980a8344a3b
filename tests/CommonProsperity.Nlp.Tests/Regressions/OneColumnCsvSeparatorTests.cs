using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Found by the robustness work (issue 6): the CSV reader guessed the separator from the data rows, so
/// a one-column file (header <c>text</c>) whose passages hold semicolons, tabs or pipes was split on
/// them, and every row was skipped as "the row has 3 fields but the header has 1". The separator now
/// comes from the header row.
/// </summary>
public class OneColumnCsvSeparatorTests
{
    [Theory]
    [InlineData("Charity; philanthropy; donations")]
    [InlineData("Charity\tphilanthropy\tdonations")]
    [InlineData("Charity | philanthropy | donations")]
    [InlineData("慈善；基金会; 捐赠")]
    public void FromText_OneColumnWithOtherSeparatorsInTheText_KeepsTheTextWhole(string text)
    {
        var table = CsvTable.FromText($"text\n{text}\nsecond row; more\n", "posts.csv");

        var rows = table.Rows().ToList();
        Assert.Equal(["text"], table.Headers);
        Assert.Equal([1, 1], rows.Select(r => r.FieldCount));
        Assert.Equal(text, rows[0].Get(0));
    }

    [Theory]
    [InlineData("id;text\n1;Charity, philanthropy\n", ';')]
    [InlineData("id\ttext\n1\tCharity, philanthropy\n", '\t')]
    [InlineData("id|text\n1|Charity, philanthropy\n", '|')]
    [InlineData("sep=;\nid;text\n1;Charity, philanthropy\n", ';')]
    [InlineData("id,text\n1,\"Charity; philanthropy\"\n", ',')]
    public void FromText_HeaderWithASeparator_IsSplitOnThatOne(string csv, char separator)
    {
        var table = CsvTable.FromText(csv, "posts.csv");

        Assert.Equal(["id", "text"], table.Headers);
        var row = Assert.Single(table.Rows());
        Assert.Equal(separator == ',' ? "Charity; philanthropy" : "Charity, philanthropy", row.Get(1));
    }

    [Fact]
    public void Analyze_OneColumnCsvWithSemicolons_AnalysesEveryRow()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("posts.csv", "text\nCharity; philanthropy; donations\nMore charity; and more\n");

        var (code, _, error) = CliRunner.Run("analyze", input, "--out", temp.File("out"), "--quiet");

        Assert.True(code == 0, error);
        var rows = ReportReader.Read(temp.File("out/theme_frequency_wide.csv"));
        Assert.Equal(["posts.csv#1", "posts.csv#2"], rows.Select(r => r["document"]));
        Assert.Equal(["3", "1"], rows.Select(r => r["philanthropy_hits"]));
    }
}
