using System.Globalization;
using CommonProsperity.Nlp.Cli;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public class CompareCommandTests
{
    private static string SharedCorpus => Path.Combine(TestPaths.Shared, "corpus");

    [Fact]
    public void Compare_SharedCorpusByLanguage_WritesKeynessThemeTestsAndCharts()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("compare", SharedCorpus, "--by", "language", "--out", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("Compared 2 groups of 13 document(s) by language", output, StringComparison.Ordinal);
        Assert.Contains("different languages?", error, StringComparison.Ordinal);
        var keyness = ReportReader.Read(temp.File(ReportFiles.Keyness));
        Assert.Equal(["en", "zh"], keyness.Select(r => r["group"]).Distinct());
        var overEn = keyness.Where(r => r["group"] == "en" && r["direction"] == "over").ToList();
        Assert.Equal(30, overEn.Count);
        Assert.Contains(overEn.Take(10), r => r["term"] == "party");
        Assert.Contains(keyness.Where(r => r["group"] == "zh" && r["direction"] == "over").Take(10), r => r["term"] == "慈善");
        Assert.All(keyness, r => Assert.True(double.Parse(r["g2_p"], CultureInfo.InvariantCulture) < 0.05));

        var themes = ReportReader.Read(temp.File(ReportFiles.ThemeByGroup));
        Assert.Equal(Codebook.Themes.Count * 2, themes.Count);
        var philanthropy = themes.Where(r => r["theme"] == "philanthropy").ToDictionary(r => r["group"]);
        Assert.True(double.Parse(philanthropy["zh"]["per_1000"], CultureInfo.InvariantCulture) > double.Parse(philanthropy["en"]["per_1000"], CultureInfo.InvariantCulture));
        Assert.Equal("1", philanthropy["zh"]["df"]);
        PngFile.AssertValid(temp.File(ReportFiles.KeynessChart(null)));
        PngFile.AssertValid(temp.File(ReportFiles.ThemeByGroupChart));
    }

    [Fact]
    public void Compare_ByYear_ComparesEachYearWithTheRest()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("compare", SharedCorpus, "--by", "year", "--out", temp.Path, "--top", "5");

        Assert.True(code == 0, error);
        var keyness = ReportReader.Read(temp.File(ReportFiles.Keyness));
        Assert.All(keyness, r => Assert.Equal("rest", r["reference"]));
        Assert.Contains(keyness, r => r["group"] == "2023" && r["direction"] == "over");
        var themes = ReportReader.Read(temp.File(ReportFiles.ThemeByGroup));
        Assert.Equal(9, themes.Select(r => r["group"]).Distinct().Count());
        Assert.All(themes, r => Assert.Equal("8", r["df"]));
        PngFile.AssertValid(temp.File(ReportFiles.KeynessChart("2023")));
    }

    [Fact]
    public void Compare_ByYearInOneLanguage_LeavesOutTheOtherLanguage()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("compare", SharedCorpus, "--by", "year", "--language", "zh", "--out", temp.Path, "--no-charts");

        Assert.True(code == 0, error);
        Assert.Contains("Compared 8 groups of 11 document(s) by year", output, StringComparison.Ordinal);
        Assert.Contains("2 of 13 document(s) in other languages than 'zh' were left out", error, StringComparison.Ordinal);
        var keyness = ReportReader.Read(temp.File(ReportFiles.Keyness));
        Assert.All(keyness, r => Assert.Equal("zh", r["lang"]));
        Assert.Contains(keyness.Where(r => r["group"] == "2022" && r["direction"] == "over").Take(3), r => r["term"] == "反垄断");
    }

    [Fact]
    public void Compare_LanguageNoDocumentHas_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("compare", SharedCorpus, "--by", "year", "--language", "fr");

        Assert.Equal(64, code);
        Assert.Contains("--language fr: none of the 13 document(s) is in that language", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_TwoInputSets_NamesTheGroupsAfterTheFolders()
    {
        using var temp = new TempDirectory();
        var laws = temp.Write("laws/charity.txt", string.Concat(Enumerable.Repeat("The charity law governs donations to charity and foundations. ", 20)));
        var reports = temp.Write("reports/economy.txt", string.Concat(Enumerable.Repeat("The report covers growth, investment and trade in the economy. ", 20)));

        var (code, output, error) = CliRunner.Run("compare", Path.GetDirectoryName(laws)!, "--vs", Path.GetDirectoryName(reports)!, "--out", temp.File("out"), "--no-charts");

        Assert.True(code == 0, error);
        Assert.Contains("by inputs", output, StringComparison.Ordinal);
        var keyness = ReportReader.Read(temp.File("out/" + ReportFiles.Keyness));
        Assert.Contains(keyness, r => r["group"] == "laws" && r["reference"] == "reports" && r["direction"] == "over" && r["term"] == "charity");
        Assert.False(File.Exists(temp.File("out/" + ReportFiles.KeynessChart(null))));
    }

    [Fact]
    public void Compare_FieldNoDocumentHas_ExitsWith64NamingTheFieldsThatExist()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("compare", SharedCorpus, "--by", "colour", "--out", temp.File("out"));

        Assert.Equal(64, code);
        Assert.Contains("--by colour: none of the 13 document(s) has a value for 'colour'", error, StringComparison.Ordinal);
        Assert.Contains("language, publisher, year", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Compare_NeitherByNorVs_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("compare", SharedCorpus);

        Assert.Equal(64, code);
        Assert.Contains("(--by: language, publisher", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_ByYear_PrintsTheThemeTableARowPerGroupWithinTheWidth()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("compare", Path.Combine(TestPaths.Shared, "corpus"), "--by", "year", "--out", temp.Path, "--no-charts");

        Assert.True(code == 0, error);
        var table = output[output.IndexOf("themes (hits per 1,000 tokens", StringComparison.Ordinal)..].Split('\n');
        Assert.All(table.Where(l => l.StartsWith("    ", StringComparison.Ordinal)), l => Assert.True(l.TrimEnd('\r').Length <= ConsoleWidth.Default, l));
        Assert.Contains(table, l => l.TrimStart().StartsWith("2026 ", StringComparison.Ordinal));
        Assert.Contains(table, l => l.TrimStart().StartsWith("p ", StringComparison.Ordinal));
    }
}
