using System.IO.Compression;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// The files a run cannot do without (lexicon, labels, model): each kind of error stops the command
/// with exit code 65 before anything is written, and the message names the file, the line where there
/// is one, what is wrong and what to change.
/// </summary>
public class InputFileErrorTests
{
    /// <summary>One lexicon of each kind of error: file name, content, the line named (0: none), how the problem reads.</summary>
    public static TheoryData<string, string, int, string> BadLexicons => new()
    {
        { "columns.csv", "topic,term\ninequality,gap\n", 1, "unknown columns: there is no column 'theme' (found 'topic', 'term'). " },
        { "no_term.csv", "theme,terms\ninequality,gap\n", 1, "unknown columns: there is no column 'term' (found 'theme', 'terms'). Rename the column 'terms' to 'term'." },
        { "empty_term.csv", "theme,term\ninequality,gap\ncontrol,\n", 3, "the term is empty. " },
        { "empty_theme.csv", "theme,term\ninequality,gap\n,wealth\n", 3, "the theme is empty. " },
        { "theme_id.csv", "theme,term\nSocial Welfare,pension\n", 2, "'social welfare' is not a valid theme id. " },
        { "star_inside.csv", "theme,term\ninequality,gap\ncontrol,in*equality\n", 3, "'in*equality' has a '*' that is not at the end. A '*' may only end a term" },
        { "star_chinese.csv", "theme,term\nphilanthropy,慈善*\n", 2, "'慈善*' has a '*' after a Chinese character. " },
        { "star_alone.csv", "theme,term\ninequality,*\n", 2, "the term is only '*'. " },
        { "no_letters.csv", "theme,term\ninequality,---\n", 2, "'---' has no letters, digits or Chinese characters. " },
        { "quotes.csv", "theme,term\ninequality,\"gap\ncontrol,\"party\" state\n", 2, "" },
        { "header_only.csv", "theme,term\n", 0, "the lexicon has no terms." },
        { "empty.csv", "", 0, "" },
        { "binary.csv", "\0\u0001\u0002\0", 0, "the file holds binary data (zero bytes), not text." },
        { "undefined.dic", "%\n1\tinequality\n%\ngap\t1\nwealth\t2\n", 5, "the entry 'wealth' names category 2, which the header block does not define." },
        { "unclosed.dic", "%\n1\tinequality\ngap\t1\n", 3, "'gap\t1' is not a category line." },
        { "no_percent.dic", "1\tinequality\n%\ngap\t1\n", 1, "a .dic file must start with a line holding only '%'." },
    };

    [Theory]
    [MemberData(nameof(BadLexicons))]
    public void Analyze_LexiconWithAnError_ExitsWith65NamingFileAndLineAndWritesNothing(string name, string content, int line, string problem)
    {
        using var temp = new TempDirectory();
        var lexicon = temp.Write(name, content);

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--lexicon", lexicon, "--out", temp.File("reports"));

        Assert.True(code == 65, error);
        Assert.StartsWith($"error: {lexicon}{(line > 0 ? $":{line}" : string.Empty)}: {problem}", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.False(Directory.Exists(temp.File("reports")));
    }

    [Fact]
    public void Analyze_LexiconThatDoesNotExist_ExitsWith65SayingHowToGetOne()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--lexicon", temp.File("nowhere.csv"), "--out", temp.File("reports"));

        Assert.Equal(65, code);
        Assert.Equal($"error: {temp.File("nowhere.csv")}: the lexicon file does not exist. Check the path given for --lexicon, or run 'cpnlp lexicon export' to get the built-in one.", error.TrimEnd());
    }

    /// <summary>One label file of each kind of error, and how the message goes on after <c>error: FILE</c>.</summary>
    public static TheoryData<string, string> BadLabels => new()
    {
        { "text,themes\nCharity.,philanthropy\nGap.,taxation\n", $":3: unknown theme 'taxation'. Use the theme ids {string.Join(", ", Codebook.Themes.Select(t => t.Id))}, separated by ';'." },
        { "text,themes\nCharity.,philanthropy\n,inequality\n", ":3: the text is empty. Fill in the passage or delete the row." },
        { "body,themes\nCharity.,philanthropy\n", ":1: there is no 'text' column (found: body, themes). A label file needs the columns text and themes" },
        { "text,labels\nCharity.,philanthropy\n", ":1: there is no 'themes' column (found: text, labels)." },
        { "text,themes\n\"Charity.,philanthropy\nGap.,inequality\n", ":2: malformed CSV (Malformed CSV in record 2 (line 2): a quoted field that is never closed" },
        { "text,themes\n", ": the label file has no rows. Add labelled passages below the header." },
        { "", ": the CSV file is empty. Add a header row and at least one data row." },
    };

    [Theory]
    [MemberData(nameof(BadLabels))]
    public void LexiconCheck_LabelFileWithAnError_ExitsWith65NamingFileAndRow(string content, string expected)
    {
        using var temp = new TempDirectory();
        var labels = temp.Write("labels.csv", content);

        var (code, _, error) = CliRunner.Run("lexicon", "check", "--labels", labels, "--out", temp.File("reports"));

        Assert.True(code == 65, error);
        Assert.StartsWith($"error: {labels}{expected}", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("reports")));
    }

    [Fact]
    public void LexiconCheck_LabelFileThatDoesNotExist_ExitsWith65()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("lexicon", "check", "--labels", temp.File("labels.csv"), "--out", temp.File("reports"));

        Assert.Equal(65, code);
        Assert.StartsWith($"error: {temp.File("labels.csv")}: the label file does not exist. Check the path given for --labels.", error, StringComparison.Ordinal);
    }

    private static string ShippedModel => Path.Combine(AppContext.BaseDirectory, "models", "themes.model.zip");

    /// <summary>A model file of each kind of damage: how to make it, and how the message goes on after <c>error: FILE: </c>.</summary>
    public static TheoryData<string, string> BadModels => new()
    {
        { "truncated", "the file is not a valid model archive (" },
        { "text", "the file is not a valid model archive (" },
        { "other zip", "the file is a zip archive but not a cpnlp theme model (no card.json). Pass a model written by 'cpnlp train'." },
        { "format 99", "the model is in format 99 (made by cpnlp 0.1.0); this cpnlp reads format 1. Retrain the model with this version ('cpnlp train')." },
        { "missing part", "the model has no 'themes/control.zip'; it is incomplete. Retrain it with 'cpnlp train'." },
        { "missing", "the model file does not exist. Train one with 'cpnlp train', or leave out --model to use the built-in one." },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public void Classify_DamagedModel_ExitsWith65NamingTheFile(string damage, string expected)
    {
        using var temp = new TempDirectory();
        var model = temp.File("model.zip");
        MakeModel(model, damage);

        var (code, _, error) = CliRunner.Run("classify", TestPaths.MiniCorpus, "--model", model, "--out", temp.File("reports"));

        Assert.True(code == 65, error);
        Assert.StartsWith($"error: {model}: {expected}", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("reports")));
    }

    [Fact]
    public void Evaluate_ModelForOtherThemes_ExitsWith65NamingTheModelAndItsThemes()
    {
        using var temp = new TempDirectory();
        var model = temp.File("two_themes.zip");
        File.Copy(ShippedModel, model);
        RemoveThemes(model, keep: ["inequality", "control"]);
        var labels = temp.Write("labels.csv", "text,themes\nIncome gaps.,inequality\nDonations to charity.,philanthropy\n");

        var (code, _, error) = CliRunner.Run("evaluate", "--model", model, "--labels", labels, "--out", temp.File("reports"));

        Assert.True(code == 65, error);
        Assert.Equal($"error: {model}: the model does not predict the theme(s) philanthropy. It predicts inequality, control; use a model trained for these themes.", error.TrimEnd());
        Assert.False(Directory.Exists(temp.File("reports")));
    }

    private static void MakeModel(string path, string damage)
    {
        switch (damage)
        {
            case "truncated":
                var bytes = File.ReadAllBytes(ShippedModel);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
                break;
            case "text":
                File.WriteAllText(path, "a text file renamed to .zip");
                break;
            case "other zip":
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
                {
                    zip.CreateEntry("readme.txt");
                }

                break;
            case "format 99":
                File.Copy(ShippedModel, path);
                ModelFiles.EditCard(path, card => card.Replace("\"format_version\": 1", "\"format_version\": 99", StringComparison.Ordinal));
                break;
            case "missing part":
                File.Copy(ShippedModel, path);
                using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
                {
                    zip.GetEntry("themes/control.zip")!.Delete();
                }

                break;
            case "missing":
                break;
        }
    }

    /// <summary>Keeps only the themes <paramref name="keep"/> in the model card: a model trained for other themes.</summary>
    private static void RemoveThemes(string model, string[] keep) => ModelFiles.EditCard(model, card =>
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(card)!;
        var themes = json["themes"]!.AsArray();
        foreach (var theme in themes.Where(t => !keep.Contains((string?)t!["id"])).ToList())
        {
            themes.Remove(theme);
        }

        return json.ToJsonString();
    });
}
