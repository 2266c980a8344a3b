using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public class ClassifierCommandTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Evaluate_WithLexicon_WritesBothSystemsSideBySide()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("evaluate", "--model", fixture.ModelPath, "--labels", fixture.LabelPath, "--lexicon", "--out", temp.Path);

        Assert.True(code == 0, error);
        Assert.Contains("Lexicon (built-in)", output, StringComparison.Ordinal);
        var metrics = ReportReader.Read(temp.File("metrics.csv"));
        Assert.Equal(["classifier", "lexicon"], metrics.Select(m => m["system"]).Distinct());
        Assert.Contains(metrics, m => m["theme"] == "macro" && m["lang"] == "zh");
        Assert.Equal(ClassificationReportsHeader, metrics[0].Keys);
        Assert.All(metrics.Where(m => m["theme"] == "macro"), m => Assert.InRange(Number(m["f1"]), Number(m["f1_low"]), Number(m["f1_high"])));
        Assert.Contains("Classifier macro-F1 ", output, StringComparison.Ordinal);
        Assert.Contains("1000 resamples of whole documents", output, StringComparison.Ordinal);
        var predictions = ReportReader.Read(temp.File("predictions.csv"));
        Assert.Equal(fixture.Labels.Passages.Count, predictions.Count);
        Assert.Equal(["id", "text", "gold", "predicted"], predictions[0].Keys.Take(4));
        Assert.Contains("lexicon_predicted", predictions[0].Keys);
        Assert.True(File.Exists(temp.File("confusions.csv")));
    }

    private static readonly string[] ClassificationReportsHeader =
        ["system", "theme", "lang", "precision", "precision_low", "precision_high", "recall", "recall_low", "recall_high", "f1", "f1_low", "f1_high",
         "support", "true_positives", "false_positives", "false_negatives"];

    private static double Number(string cell) => double.Parse(cell, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Evaluate_NoResamples_LeavesIntervalColumnsEmpty()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("evaluate", "--model", fixture.ModelPath, "--labels", fixture.LabelPath, "--resamples", "0", "--out", temp.Path);

        Assert.True(code == 0, error);
        Assert.DoesNotContain("95% CI", output, StringComparison.Ordinal);
        var metrics = ReportReader.Read(temp.File("metrics.csv"));
        Assert.All(metrics, m => Assert.Equal("", m["f1_low"]));
    }

    [Fact]
    public void Evaluate_NegativeResamples_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("evaluate", "--model", fixture.ModelPath, "--labels", fixture.LabelPath, "--resamples", "-5");

        Assert.Equal(64, code);
        Assert.Contains("resamples -5", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sentence")]
    [InlineData("paragraph")]
    [InlineData("document")]
    public void Classify_RepositoryCorpus_WritesPassagesAndShares(string unit)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("classify", Path.Combine(TestPaths.RepoRoot, "corpus"), "--model", fixture.ModelPath, "--unit", unit, "--out", temp.Path);

        Assert.True(code == 0, error);
        var passages = ReportReader.Read(temp.File("passages.csv"));
        Assert.NotEmpty(passages);
        if (unit == "document")
        {
            Assert.Single(passages);
        }

        Assert.All(passages, p => Assert.Equal(p["text"].Length, int.Parse(p["end"], System.Globalization.CultureInfo.InvariantCulture) - int.Parse(p["start"], System.Globalization.CultureInfo.InvariantCulture)));
        var shares = ReportReader.Read(temp.File("theme_frequency_classifier.csv"));
        Assert.Equal(fixture.Result.Model.Themes.Count, shares.Count);
    }

    [Fact]
    public void Classify_UnknownUnit_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("classify", TestPaths.MiniCorpus, "--model", fixture.ModelPath, "--unit", "chapter");

        Assert.Equal(64, code);
        Assert.Contains("--unit 'chapter'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("classify")]
    [InlineData("suggest")]
    public void ClassifyAndSuggest_InputsSkipped_NameThemAndExitWithTwo(string command)
    {
        using var temp = new TempDirectory();
        var output = command == "classify" ? temp.File("out") : temp.File("out/next.csv");

        var (code, printed, error) = CliRunner.Run(command, TestPaths.MiniCorpus, "--model", fixture.ModelPath, "--out", output);

        Assert.True(code == ExitCodes.CompletedWithSkips, $"exit {code}: {error}");
        Assert.Contains("skipped: empty.txt: the file is empty. Remove it or check that it is the right file.", error, StringComparison.Ordinal);
        Assert.Contains("skipped: rows.csv:", error, StringComparison.Ordinal);
        Assert.Contains("3 input(s) were skipped (see above).", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_SourcesRowNamingNoFile_PrintsTheWarningAndExitsWithZero()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", "Charity law governs donations to foundations. The party leads the work.");
        temp.Write("in/sources.csv", "file,title\nmissing.txt,Gone\n");

        var (code, _, error) = CliRunner.Run("classify", temp.File("in"), "--model", fixture.ModelPath, "--out", temp.File("out"));

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("warning: sources.csv:2: 'missing.txt' names no file in this folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Suggest_WritesDistinctUncertainPassagesInTheLabelFormat()
    {
        using var temp = new TempDirectory();
        var output = temp.File("suggest/next.csv");

        var (code, _, error) = CliRunner.Run("suggest", Path.Combine(TestPaths.Shared, "corpus"), "--model", fixture.ModelPath, "--count", "12", "--out", output);

        Assert.True(code == 0, error);
        var set = LabelSet.Load([output], fixture.Result.Model.Themes);
        Assert.Equal(12, set.Passages.Count);
        Assert.Empty(set.Warnings);
        var rows = ReportReader.Read(output);
        var margins = rows.Select(r => double.Parse(r["margin"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(margins.Order(), margins);
    }

    [Fact]
    public void Train_TwoLabelFiles_MergeAndWriteAModelThatLoads()
    {
        using var temp = new TempDirectory();
        var rows = ReportReader.Read(fixture.LabelPath);
        var first = temp.Write("a.csv", TrainedModelFixture.ToCsv(rows.Take(rows.Count / 2)));
        var second = temp.Write("b.csv", TrainedModelFixture.ToCsv(rows.Skip(rows.Count / 2)));

        var (code, output, error) = CliRunner.Run("train", "--labels", first, second, "--out", temp.File("m.zip"), "--folds", "2", "--report", temp.File("report"));

        Assert.True(code == 0, error);
        Assert.Contains("Cross-validated (2 folds", output, StringComparison.Ordinal);
        var model = ThemeModel.Load(temp.File("m.zip"));
        Assert.Equal(2, model.Card.TrainingData.Count);
        Assert.Equal(rows.Count, ReportReader.Read(temp.File("report/cv_predictions.csv")).Count);
    }

    [Fact]
    public void Train_GbkEncodedCsvLexicon_IsDecodedAndStoredWithTheSameTerms()
    {
        using var temp = new TempDirectory();
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;
        var lexicon = temp.File("lexicon_gbk.csv");
        File.WriteAllBytes(lexicon, gbk.GetBytes(DefaultLexicon.ReadText().TrimStart('\uFEFF')));

        var (code, _, error) = CliRunner.Run("train", "--labels", fixture.LabelPath, "--lexicon", lexicon, "--out", temp.File("m.zip"), "--folds", "2");

        Assert.True(code == 0, error);
        Assert.Equal(DefaultLexicon.Instance.Sha256, ThemeModel.Load(temp.File("m.zip")).Card.LexiconSha256);
    }

    [Fact]
    public void Train_LiwcDicLexicon_IsStoredInTheModelAsTheSameTerms()
    {
        using var temp = new TempDirectory();
        var themes = DefaultLexicon.Instance.Themes;
        var words = DefaultLexicon.Instance.Terms
            .Where(t => t.Term.All(c => c is (>= 'a' and <= 'z') or '*'))
            .GroupBy(t => t.Term, StringComparer.Ordinal)
            .Select(g => $"{g.Key}\t{string.Join(' ', g.Select(t => themes.ToList().IndexOf(t.Theme) + 1).Distinct())}");
        var header = themes.Select((theme, i) => $"{i + 1}\t{theme}");
        var dic = temp.Write("themes.dic", string.Join('\n', ["%", .. header, "%", .. words]) + "\n");

        var (code, _, error) = CliRunner.Run("train", "--labels", fixture.LabelPath, "--lexicon", dic, "--themes", string.Join(',', themes),
            "--out", temp.File("m.zip"), "--folds", "2");

        Assert.True(code == 0, error);
        var model = ThemeModel.Load(temp.File("m.zip"));
        Assert.Equal(LexiconLoader.Load(dic).Sha256, model.Card.LexiconSha256);
        Assert.Equal(LexiconLoader.Load(dic).Terms.Count, LexiconLoader.FromCsvText(model.LexiconCsv, "model").Terms.Count);
    }

    [Fact]
    public void Train_EvaluateOn_PutsHeldOutFiguresFirstInTheCard()
    {
        using var temp = new TempDirectory();
        var rows = ReportReader.Read(fixture.LabelPath);
        var documents = rows.Select(r => r["document"]).Distinct().ToList();
        // Train on all documents but two; score on those two (never trained on).
        var held = documents.Take(2).ToHashSet();
        var train = temp.Write("train.csv", TrainedModelFixture.ToCsv(rows.Where(r => !held.Contains(r["document"]))));
        var dev = temp.Write("dev.csv", TrainedModelFixture.ToCsv(rows.Where(r => held.Contains(r["document"]))));

        var (code, output, error) = CliRunner.Run("train", "--labels", train, "--evaluate-on", dev, "--out", temp.File("m.zip"), "--folds", "2",
            "--features", "lexicon,context", "--trainer", "lbfgs", "--l2", "1", "--threshold-shrink", "0.5");

        Assert.True(code == 0, error);
        Assert.DoesNotContain("also in the training labels", error, StringComparison.Ordinal);
        Assert.True(output.IndexOf("On " + dev, StringComparison.Ordinal) < output.IndexOf("Cross-validated", StringComparison.Ordinal), output);
        Assert.Contains("  lexicon    macro-F1 ", output, StringComparison.Ordinal);
        var model = ThemeModel.Load(temp.File("m.zip"));
        var evaluation = Assert.IsType<CardEvaluation>(model.Card.Evaluation);
        Assert.Equal(2, evaluation.Documents);
        Assert.Equal(rows.Count(r => held.Contains(r["document"])), evaluation.Passages);
        var macro = evaluation.Classifier.Single(m => m.Theme == "macro" && m.Language == "all");
        var interval = evaluation.ClassifierIntervals!.Single(i => i.Theme == "macro" && i.Language == "all").F1;
        Assert.True(interval.Contains(macro.F1), $"{macro.F1} outside {interval}");
        Assert.Contains("L2 1", model.Card.Trainer, StringComparison.Ordinal);
        Assert.DoesNotContain("token", model.Card.Features, StringComparison.Ordinal);
        using var zip = System.IO.Compression.ZipFile.OpenRead(temp.File("m.zip"));
        using var card = System.Text.Json.JsonDocument.Parse(zip.GetEntry("card.json")!.Open());
        Assert.Equal(["format_version", "tool_version", "evaluation"], card.RootElement.EnumerateObject().Take(3).Select(p => p.Name));
    }

    [Fact]
    public void Train_EvaluateOnItsOwnLabels_WarnsThatTheFiguresAreNotOfNewDocuments()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("train", "--labels", fixture.LabelPath, "--evaluate-on", fixture.LabelPath, "--out", temp.File("m.zip"), "--folds", "2",
            "--features", "lexicon,context");

        Assert.True(code == 0, error);
        Assert.Contains("are also in the training labels; the figures on it are not those of new documents", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--trainer", "svm", "'svm' is not a trainer")]
    [InlineData("--features", "words,ngrams", "'ngrams' is not a feature group")]
    [InlineData("--threshold-shrink", "2", "--threshold-shrink 2 is not between 0 and 1")]
    public void Train_BadModelOptions_ExitWith64(string option, string value, string message)
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("train", "--labels", fixture.LabelPath, option, value, "--out", temp.File("m.zip"));

        Assert.Equal(64, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("m.zip")));
    }

    [Fact]
    public void ShippedModel_ClassifiesEveryCodebookThemeTheTrainingLabelsCode()
    {
        // Arrange: the shipped model is trained on ../shared/labels/train.csv, which codes some codebook themes (a theme
        // new to the codebook has no labelled passages until someone labels them, and no classifier until then).
        var model = ThemeModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "themes.model.zip"));
        var codebook = Codebook.Themes.Select(t => t.Id).ToArray();
        var labels = LabelSet.Load([Path.Combine(TestPaths.Shared, "labels", "train.csv")], codebook);

        // Act
        var labelled = codebook.Where(theme => labels.Passages.Count(p => p.Themes.Contains(theme)) >= new TrainingOptions().MinPositives).ToArray();
        var probabilities = model.PredictProbabilities(["发展慈善事业，鼓励社会捐赠。"], ["d"]);

        // Assert: a classifier for each of them, in codebook order; the others are said to have none.
        Assert.Equal(labelled, model.Themes);
        Assert.Equal(codebook.Except(labelled), model.UnclassifiedCodebookThemes);
        Assert.Contains("philanthropy", model.Decide(probabilities[0]));
    }

    [Fact]
    public void ClassifyAndEvaluate_ModelWithoutSomeCodebookThemes_SayWhichHaveNoClassifier()
    {
        // Arrange: a model trained on labels that code two themes only.
        using var temp = new TempDirectory();
        var rows = new List<string> { "text,themes,document" };
        for (var i = 0; i < 12; i++)
        {
            rows.Add($"The foundation {i} donated to charity.,philanthropy,d{i % 4}");
            rows.Add($"The party tightened control {i} over groups.,control,d{i % 4}");
        }

        var labelPath = temp.Write("two.csv", string.Join("\n", rows) + "\n");
        var (trained, _, trainError) = CliRunner.Run("train", "--labels", labelPath, "--folds", "2", "--out", temp.File("two.zip"));
        Assert.True(trained == 0, trainError);
        temp.Write("doc.txt", "The foundation donated to charity. The party tightened control.");
        var note = "note: the model has no classifier for the codebook theme(s) "
            + string.Join(", ", Codebook.Themes.Select(t => t.Id).Where(t => t is not "control" and not "philanthropy")) + " (";

        // Act
        var (classified, _, classifyError) = CliRunner.Run("classify", temp.File("doc.txt"), "--model", temp.File("two.zip"), "--out", temp.File("out"));
        var (evaluated, _, evaluateError) = CliRunner.Run("evaluate", "--model", temp.File("two.zip"), "--labels", labelPath, "--resamples", "0", "--out", temp.File("eval"));
        var (suggested, _, suggestError) = CliRunner.Run("suggest", temp.File("doc.txt"), "--model", temp.File("two.zip"), "--out", temp.File("suggest.csv"));
        var (shipped, _, shippedError) = CliRunner.Run("classify", temp.File("doc.txt"), "--out", temp.File("shipped"));

        // Assert: said, and the run goes on (exit 0); for the shipped model, what it lacks is said (nothing when it lacks nothing).
        Assert.Equal((0, 0, 0, 0), (classified, evaluated, suggested, shipped));
        Assert.Contains(note, classifyError, StringComparison.Ordinal);
        Assert.Contains(note, evaluateError, StringComparison.Ordinal);
        Assert.Contains(note, suggestError, StringComparison.Ordinal);
        var shippedModel = ThemeModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "themes.model.zip"));
        Assert.Equal(shippedModel.UnclassifiedCodebookThemes.Count > 0, shippedError.Contains("no classifier", StringComparison.Ordinal));
    }
}
