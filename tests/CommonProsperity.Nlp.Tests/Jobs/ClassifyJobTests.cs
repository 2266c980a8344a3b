using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Issue 14, item 4: <c>classify</c> scores the shipped model without ML.NET, on every core, and formats
/// its rows straight to UTF-8. The reports must be exactly those of the ML.NET path written by CsvHelper
/// (the code before): the same predicted themes and the same probabilities to the printed four decimals.
/// </summary>
public class ClassifyJobTests
{
    private static string ShippedModel => Path.Combine(TestPaths.RepoRoot, "models", "themes.model.zip");

    /// <summary>Real documents: the shared corpus (English and Chinese policy texts), the repository's and the fixtures'.</summary>
    private static string[] Inputs => [Path.Combine(TestPaths.Shared, "corpus"), Path.Combine(TestPaths.RepoRoot, "corpus"), TestPaths.MiniCorpus];

    [Theory]
    [InlineData(PassageUnit.Sentence)]
    [InlineData(PassageUnit.Paragraph)]
    [InlineData(PassageUnit.Document)]
    public void Classify_ShippedModel_WritesWhatTheMlNetPathWrites(PassageUnit unit)
    {
        // Arrange
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        Assert.True(model.CanScoreDirectly);
        var options = new PassageOptions(Inputs, temp.File("direct"), new IngestionOptions(), unit);

        // Act
        var result = new ClassifyJob(model).Run(options);
        var expected = WithMlNetAndCsvHelper(ThemeModel.Load(ShippedModel), options with { Output = temp.File("mlnet") });

        // Assert
        Assert.True(result.Passages > (unit == PassageUnit.Document ? 10 : 1000));
        Assert.Equal(expected.Passages, File.ReadAllBytes(Path.Combine(temp.File("direct"), ReportFiles.Passages)));
        Assert.Equal(expected.Frequency, File.ReadAllBytes(Path.Combine(temp.File("direct"), ReportFiles.ThemeFrequencyClassifier)));
    }

    [Theory]
    [InlineData(PassageUnit.Sentence, 1)]
    [InlineData(PassageUnit.Sentence, 40)]
    [InlineData(PassageUnit.Sentence, 3000)]
    [InlineData(PassageUnit.Paragraph, 40)]
    public void Classify_TextFilesStreamedInWindows_WritesTheReportsOfDocumentsReadWhole(PassageUnit unit, int window)
    {
        // Every text and CSV file streams in (the threshold lowered to 0); by sentence, text files are classified in windows of a few characters.
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        var whole = new PassageOptions(Inputs, temp.File("whole"), new IngestionOptions() with { StreamedFileBytes = long.MaxValue }, unit);
        var streamed = whole with { Output = temp.File("streamed"), Ingestion = new IngestionOptions() with { StreamedFileBytes = 0 }, WindowCharacters = window };

        var expected = new ClassifyJob(model).Run(whole);
        var result = new ClassifyJob(model).Run(streamed);

        Assert.Equal(expected.Documents, result.Documents);
        Assert.Equal(expected.Passages, result.Passages);
        Assert.Equal(expected.Problems, result.Problems);
        foreach (var report in new[] { ReportFiles.Passages, ReportFiles.ThemeFrequencyClassifier })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("whole"), report)), File.ReadAllBytes(Path.Combine(temp.File("streamed"), report)));
        }
    }

    [Fact]
    public void ClassifyInWindows_LongText_IsCutIntoWindowsAndGivesThePassagesOfTheWholeText()
    {
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        var text = string.Concat(Enumerable.Range(0, 80).Select(i => $"Sentence {i} on common prosperity and charity. 推进共同富裕，缩小收入差距。The party tightened control. "));
        File.WriteAllText(temp.File("long.txt"), text);
        var document = new JobInputs([temp.File("long.txt")], temp.File("out"), new IngestionOptions() with { StreamedFileBytes = 0 }).Read(CancellationToken.None).Single();
        var classifier = new DocumentClassifier(model, PassageUnit.Sentence, windowCharacters: 100);

        var windows = classifier.ClassifyInWindows(document).ToList();
        var whole = new DocumentClassifier(model, PassageUnit.Sentence).Classify([document with { Text = text }]).Single().Passages;

        Assert.True(document.IsStreamed);
        Assert.InRange(windows.Count, 40, 300);
        Assert.Equal(240, windows.Sum(w => w.Count));
        Assert.Equal(whole.Select(Describe), windows.SelectMany(w => w).Select(Describe));
    }

    private static string Describe(ClassifiedPassage p) =>
        $"{p.Document} {p.Index} {p.Start}-{p.End} {p.Text} {string.Join(';', p.Themes.Order(StringComparer.Ordinal))} {string.Join(';', p.Probabilities)}";

    [Fact]
    public void ScoreDirect_GivesTheProbabilitiesOfMlNetsTransformers()
    {
        // Arrange: passages of real documents, each with its document's profile.
        var model = ThemeModel.Load(ShippedModel);
        var documents = new DocumentClassifier(model, PassageUnit.Sentence).Classify(new JobInputs(Inputs, "unused", new IngestionOptions()).Read(CancellationToken.None)).ToList();
        var passages = documents.SelectMany(d => d.Passages).ToList();
        var contexts = documents.SelectMany(d => Enumerable.Repeat(model.Featurizer.DocumentProfile(d.Passages.Select(p => p.Text)), d.Passages.Count)).ToArray();

        // Act
        model.UseLinearFastPath = false;
        var mlnet = model.PredictProbabilities([.. passages.Select(p => p.Text)], contexts);

        // Assert
        for (var i = 0; i < passages.Count; i++)
        {
            for (var t = 0; t < model.Themes.Count; t++)
            {
                // ML.NET sums in single precision, the one-pass scorer in double: they agree to a few units of float's last place.
                Assert.InRange(Math.Abs(mlnet[i][t] - passages[i].Probabilities[t]), 0, 1e-6);
            }
        }
    }

    [Fact]
    public void CanScoreDirectly_ModelWithWordFeatures_IsScoredThroughMlNet()
    {
        // Arrange: a model with text n-grams, whose features the lexicon vectors alone do not make.
        using var temp = new TempDirectory();
        var rows = new List<string> { "text,themes,document" };
        for (var i = 0; i < 12; i++)
        {
            rows.Add($"The foundation {i} donated to charity.,philanthropy,d{i % 4}");
            rows.Add($"The party tightened control {i} over groups.,control,d{i % 4}");
        }

        var labels = LabelSet.Load([temp.Write("small.csv", string.Join("\n", rows) + "\n")], ["control", "philanthropy"]);
        var model = new ThemeClassifierTrainer(new TrainingOptions(Folds: 2, Features: FeatureSet.Words | FeatureSet.Lexicon))
            .Train(labels, CommonProsperity.Nlp.Counting.DefaultLexicon.ReadText(), ["control", "philanthropy"]).Model;

        // Act
        var passages = new DocumentClassifier(model, PassageUnit.Sentence).Classify(new JobInputs([TestPaths.MiniCorpus], "unused", new IngestionOptions()).Read(CancellationToken.None)).ToList();

        // Assert
        Assert.False(model.CanScoreDirectly);
        Assert.NotEmpty(passages.SelectMany(p => p.Passages));
    }

    /// <summary>The reports as the code before wrote them: ML.NET's transformers one theme at a time, in batches, rows by CsvHelper.</summary>
    private static (byte[] Passages, byte[] Frequency) WithMlNetAndCsvHelper(ThemeModel model, PassageOptions options)
    {
        model.UseLinearFastPath = false;
        Assert.False(model.CanScoreDirectly);
        var themes = model.Themes;
        Directory.CreateDirectory(options.Output);
        var passagesPath = Path.Combine(options.Output, ReportFiles.Passages);
        var frequencyPath = Path.Combine(options.Output, ReportFiles.ThemeFrequencyClassifier);
        using (var passages = CsvReport.Create(passagesPath))
        using (var frequency = CsvReport.Create(frequencyPath))
        {
            passages.WriteRow(PassageReportWriter.Passages.Header(themes));
            frequency.WriteRow(PassageReportWriter.Frequency.Header(themes));
            var documents = new JobInputs(options.Inputs, options.Output, options.Ingestion).Read(CancellationToken.None);
            foreach (var (document, found) in new DocumentClassifier(model, options.Unit).Classify(documents))
            {
                foreach (var passage in found)
                {
                    passages.WriteRow(PassageReportWriter.Passages.Row(new PassageReportWriter.PassageLine(passage, themes), themes.Count));
                }

                var tally = new PassageReportWriter.PassageTally(themes);
                tally.Add(found);
                for (var t = 0; t < themes.Count; t++)
                {
                    frequency.WriteRow(PassageReportWriter.Frequency.Row(new PassageReportWriter.FrequencyRow(document, themes[t], t, tally), themes.Count));
                }
            }
        }

        return (File.ReadAllBytes(passagesPath), File.ReadAllBytes(frequencyPath));
    }
}
