using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public class LexiconSuggestCommandTests
{
    [Fact]
    public void Suggest_TinyLabelFile_WritesCandidatesWithSupportAndPrecision()
    {
        using var temp = new TempDirectory();
        var labels = temp.Write("labels.csv",
            "id,text,themes\n" +
            "p1,Private foundations fund schools.,philanthropy\n" +
            "p2,Foundations and donors support hospitals.,philanthropy\n" +
            "p3,Private foundations grew quickly.,philanthropy\n" +
            "p4,Markets grew quickly.,economy\n");

        var (code, output, error) = CliRunner.Run("lexicon", "suggest", "--labels", labels, "--out", temp.File("out"));

        Assert.True(code == 0, error);
        Assert.Contains("foundations (3/3)", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(temp.File("out/" + ReportFiles.LexiconSuggestions));
        var foundations = rows.Single(r => r["theme"] == "philanthropy" && r["term"] == "foundations");
        Assert.Equal(("3", "3", "1.0000", "p1"), (foundations["support"], foundations["passages"], foundations["precision"], foundations["example"]));
    }

    [Fact]
    public void Suggest_TrainingLabels_SuggestsTermsForEveryCodebookThemeWithExamples()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("lexicon", "suggest", "--labels", Path.Combine(TestPaths.Shared, "labels", "train.csv"), "--out", temp.Path, "--new-only");

        Assert.True(code == 0, error);
        var rows = ReportReader.Read(temp.File(ReportFiles.LexiconSuggestions));
        Assert.True(rows.Select(r => r["theme"]).Distinct().Count() >= 6);
        Assert.All(rows, r => Assert.NotEqual("0", r["new_passages"]));
        Assert.Contains(rows, r => r["lang"] == "zh");
        Assert.Contains(rows, r => r["lang"] == "en");
    }

    [Fact]
    public void Suggest_MissingLabelsOption_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("lexicon", "suggest");

        Assert.Equal(64, code);
        Assert.Contains("labels", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_BadPrecision_ExitsWith64()
    {
        using var temp = new TempDirectory();
        var labels = temp.Write("labels.csv", "text,themes\nCharity.,philanthropy\n");

        var (code, _, error) = CliRunner.Run("lexicon", "suggest", "--labels", labels, "--min-precision", "1.5", "--out", temp.File("out"));

        Assert.Equal(64, code);
        Assert.Contains("--min-precision 1.5 is not between 0 and 1", error, StringComparison.Ordinal);
    }
}
