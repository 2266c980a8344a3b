using System.Globalization;
using System.Text.Json;
using CommonProsperity.Nlp.Cli;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary>
/// <c>ngrams</c> and <c>collocations</c> end to end. The reports for Fixtures/Phrases are compared with the
/// golden files in Fixtures/Golden/phrases (CPNLP_UPDATE_GOLDEN=1 rewrites them); scripts/verify_phrases.py
/// recomputes the same figures in Python from the texts alone.
/// </summary>
public class PhraseCommandTests
{
    private static string Phrases => Path.Combine(TestPaths.Fixtures, "Phrases");

    public static TheoryData<string, string, string[]> GoldenRuns => new()
    {
        { "ngrams", "ngrams.csv", ["--min-size", "1", "--max-size", "3", "--min-count", "2"] },
        { "ngrams", "ngrams_characters.csv", ["--unit", "characters", "--min-size", "2", "--max-size", "4", "--min-count", "2", "--top", "20"] },
        { "collocations", "collocations.csv", ["--min-count", "2"] },
        { "collocations", "collocations_by_year_pmi.csv", ["--by", "year", "--rank", "pmi", "--min-count", "3", "--language", "en"] },
    };

    [Theory]
    [MemberData(nameof(GoldenRuns))]
    public void Phrases_Fixture_MatchGoldenReport(string command, string golden, string[] options)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run([command, Phrases, "--out", temp.Path, .. options]);

        Assert.True(code == 0, error);
        var report = temp.File(command == "ngrams" ? ReportFiles.Ngrams : ReportFiles.Collocations);
        var actual = File.ReadAllBytes(report);
        var path = Path.Combine(TestPaths.SourceFixtures, "Golden", "phrases", golden);
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actual);
        }

        Assert.True(File.Exists(path), $"missing golden file {path}; run with CPNLP_UPDATE_GOLDEN=1 once");
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(report));
        Assert.Equal(File.ReadAllBytes(path), actual);
    }

    [Fact]
    public void Ngrams_Fixture_PrintsATableAndListsTheReportInTheManifest()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("ngrams", Phrases, "--out", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("in 5 document(s)", output, StringComparison.Ordinal);
        Assert.Contains("third distribution", output, StringComparison.Ordinal);
        Assert.Contains("共同富裕", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n').Where(line => line.StartsWith("  ", StringComparison.Ordinal)), line => Assert.True(line.TrimEnd('\r').Length <= ConsoleWidth.Default, $"wider than the default width: {line}"));
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File(ReportFiles.Manifest)));
        Assert.Equal("ngrams", manifest.RootElement.GetProperty("command").GetString());
        Assert.Contains(ReportFiles.Ngrams, manifest.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Collocations_ByYear_RanksWithinEachGroup()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("collocations", Phrases, "--by", "year", "--out", temp.Path, "--min-count", "2");

        Assert.True(code == 0, error);
        Assert.Contains("group", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(temp.File(ReportFiles.Collocations));
        Assert.Equal(["2021", "2022"], rows.Select(r => r["group"]).Distinct());
        Assert.All(rows, r => Assert.Equal("year", r["group_by"]));
        foreach (var group in rows.GroupBy(r => (r["group"], r["lang"])))
        {
            var g2 = group.Select(r => double.Parse(r["g2"], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal([.. g2.OrderDescending()], g2);
            Assert.Equal(Enumerable.Range(1, group.Count()).Select(i => i.ToString(CultureInfo.InvariantCulture)), group.Select(r => r["rank"]));
        }
    }

    [Fact]
    public void Collocations_UnknownRanking_ExitsWith64NamingTheChoices()
    {
        var (code, _, error) = CliRunner.Run("collocations", Phrases, "--rank", "dice");

        Assert.Equal(64, code);
        Assert.Contains("--rank dice is not a measure", error, StringComparison.Ordinal);
        Assert.Contains("g2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ngrams_BadSizes_ExitWith64()
    {
        var (code, _, error) = CliRunner.Run("ngrams", Phrases, "--min-size", "4", "--max-size", "2");

        Assert.Equal(64, code);
        Assert.Contains("4 to 2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ngrams_ByMissingField_SaysWhichFieldsExist()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("ngrams", Phrases, "--by", "province", "--out", temp.Path);

        Assert.Equal(64, code);
        Assert.Contains("none of the 5 document(s) has a value for 'province'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void LexiconSuggest_CandidatesFromNgrams_ScoresThosePhrases()
    {
        using var temp = new TempDirectory();
        var (code, _, error) = CliRunner.Run("ngrams", Phrases, "--out", temp.File("ngrams"), "--min-size", "2", "--max-size", "3", "--min-count", "2");
        Assert.True(code == 0, error);
        var labels = temp.Write("labels.csv",
            "id,text,themes\n" +
            "p1,Charity groups promote third distribution.,philanthropy\n" +
            "p2,Donors join third distribution through charity groups.,philanthropy\n" +
            "p3,The third distribution grows.,philanthropy\n" +
            "p4,Markets need fair competition.,economy\n");
        var lexicon = temp.Write("lexicon.csv", "theme,term\nphilanthropy,donation\neconomy,markets\n");

        (code, var output, error) = CliRunner.Run("lexicon", "suggest", "--labels", labels, "--lexicon", lexicon, "--candidates", temp.File("ngrams/" + ReportFiles.Ngrams),
            "--out", temp.File("suggest"), "--min-support", "2");

        Assert.True(code == 0, error);
        Assert.Contains("third distribution (3/3)", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(temp.File("suggest/" + ReportFiles.LexiconSuggestions));
        Assert.Contains(rows, r => r["theme"] == "philanthropy" && r["term"] == "charity groups");
        Assert.DoesNotContain(rows, r => r["term"] == "donors");
    }

    [Fact]
    public void LexiconSuggest_CandidatesWithoutTermColumn_ExitsNamingTheFile()
    {
        using var temp = new TempDirectory();
        var candidates = temp.Write("c.csv", "word\ncharity\n");
        var labels = temp.Write("labels.csv", "id,text,themes\np1,Charity.,philanthropy\n");

        var (code, _, error) = CliRunner.Run("lexicon", "suggest", "--labels", labels, "--candidates", candidates, "--out", temp.File("o"));

        Assert.NotEqual(0, code);
        Assert.Contains("c.csv", error, StringComparison.Ordinal);
        Assert.Contains("no 'term' column", error, StringComparison.Ordinal);
    }
}
