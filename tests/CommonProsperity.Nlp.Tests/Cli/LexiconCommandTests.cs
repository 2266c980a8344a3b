using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public class LexiconCommandTests
{
    [Fact]
    public void Export_WritesTheBuiltInLexiconWhichLoadsBackIdentically()
    {
        using var temp = new TempDirectory();
        var path = temp.File("mine.csv");

        var (code, output, _) = CliRunner.Run("lexicon", "export", "--out", path);

        Assert.Equal(0, code);
        Assert.Contains($"terms for {Codebook.Themes.Count} themes", output, StringComparison.Ordinal);
        var exported = LexiconLoader.Load(path);
        Assert.Equal(DefaultLexicon.Instance.Sha256, exported.Sha256);
        Assert.Equal(DefaultLexicon.Instance.Themes, exported.Themes);
    }

    [Fact]
    public void Export_ExistingFile_IsRefusedWithoutForce()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("mine.csv", "keep me");

        var (code, _, error) = CliRunner.Run("lexicon", "export", "--out", path);

        Assert.Equal(73, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    [Fact]
    public void Check_TrainingLabels_WritesPerThemeAndPerTermTables()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("lexicon", "check", "--labels", Path.Combine(TestPaths.Shared, "labels", "train.csv"), "--out", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("macro F1 (all):", output, StringComparison.Ordinal);
        var themes = ReportReader.Read(temp.File("lexicon_check.csv"));
        Assert.Equal(Codebook.Themes.Count * 3, themes.Count); // all, en, zh
        var terms = ReportReader.Read(temp.File("lexicon_terms.csv"));
        Assert.Equal(DefaultLexicon.Instance.Terms.Count, terms.Count);
    }

    [Fact]
    public void Check_LexiconWithExclusions_ReportsWhatEachExclusionRemoved()
    {
        using var temp = new TempDirectory();
        var labels = temp.Write("labels.csv", "text,themes\n要营造良好的政治生态。,\n加强湿地生态保护。,environment\nThe Asia Society met.,\nAsian trade grew.,international\n");
        var lexicon = temp.Write("lexicon.csv", "theme,term,exclude\nenvironment,生态,政治生态|产业生态\ninternational,asia*,asia societ*\n");

        var (code, output, error) = CliRunner.Run("lexicon", "check", "--labels", labels, "--lexicon", lexicon, "--out", temp.File("out"));

        Assert.True(code == 0, error);
        Assert.Contains("3 exclusion(s) vetoed 2 match(es)", output, StringComparison.Ordinal);
        Assert.Contains("environment: '生态' inside '政治生态': 1 match(es) in 1 passage(s), 0 of them labelled environment", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(temp.File("out/lexicon_exclusions.csv"));
        Assert.Equal(["政治生态", "产业生态", "asia societ*"], rows.Select(r => r["exclusion"]));
        Assert.Equal(["1", "0", "1"], rows.Select(r => r["vetoed"]));
        var check = ReportReader.Read(temp.File("out/lexicon_check.csv")).Single(r => r["theme"] == "international" && r["lang"] == "all");
        Assert.Equal(("1", "0"), (check["true_positives"], check["false_positives"]));
    }

    [Fact]
    public void Check_ExclusionWithoutItsTerm_ExitsNamingTheLineAndHowToFix()
    {
        using var temp = new TempDirectory();
        var labels = temp.Write("labels.csv", "text,themes\n加强湿地生态保护。,environment\n");
        var lexicon = temp.Write("lexicon.csv", "theme,term,exclude\nenvironment,环保,\nenvironment,生态,政治生态|政治\n");

        var (code, _, error) = CliRunner.Run("lexicon", "check", "--labels", labels, "--lexicon", lexicon, "--out", temp.File("out"));

        Assert.Equal(65, code);
        Assert.Contains($"{lexicon}:3: the exclusion '政治' does not contain the term '生态', so it could never veto a match. Write a longer expression that contains the term", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Check_LabelWithUnknownTheme_ExitsNamingTheRow()
    {
        using var temp = new TempDirectory();
        var labels = temp.Write("labels.csv", "text,themes\nCharity grows.,philanthropy\nTaxes rise.,taxation\n");

        var (code, _, error) = CliRunner.Run("lexicon", "check", "--labels", labels, "--out", temp.File("out"));

        Assert.NotEqual(0, code);
        Assert.Contains($"{labels}:3: unknown theme 'taxation'.", error, StringComparison.Ordinal);
    }
}
