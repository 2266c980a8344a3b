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
    internal static string ShippedModel => Path.Combine(TestPaths.RepoRoot, "models", "themes.model.zip");

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

    [Theory]
    [InlineData(1, 30)]
    [InlineData(40, 50)]
    [InlineData(3000, 400)]
    public void Classify_SentencesLongerThanAPassage_StreamedInWindows_WritesTheReportsOfDocumentsReadWhole(int window, int maxPassage)
    {
        // The shared corpus's texts as one run of Chinese characters, and as words without punctuation, each a file;
        // their sentences cut into pieces of at most a few dozen characters, read whole and in windows of a few characters.
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        WriteLongSentences(temp, "long");
        var whole = new PassageOptions([temp.File("long"), TestPaths.MiniCorpus], temp.File("whole"), new IngestionOptions() with { StreamedFileBytes = long.MaxValue }) { MaxPassageCharacters = maxPassage };
        var streamed = whole with { Output = temp.File("streamed"), Ingestion = new IngestionOptions() with { StreamedFileBytes = 0 }, WindowCharacters = window };

        var expected = new ClassifyJob(model).Run(whole);
        var result = new ClassifyJob(model).Run(streamed);
        var uncut = new ClassifyJob(model).Run(whole with { Output = temp.File("uncut"), MaxPassageCharacters = SentencePieces.MaxCharacters });

        Assert.True(expected.Passages > uncut.Passages + 100, "the long sentences were cut into pieces");
        Assert.Equal(expected.Passages, result.Passages);
        Assert.Equal(expected.Problems, result.Problems);
        foreach (var report in new[] { ReportFiles.Passages, ReportFiles.ThemeFrequencyClassifier })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("whole"), report)), File.ReadAllBytes(Path.Combine(temp.File("streamed"), report)));
        }
    }

    /// <summary>Each text of the shared corpus as one run of its Chinese characters (a Chinese text) or its words without punctuation (an English one), a file each in <paramref name="folder"/>.</summary>
    internal static void WriteLongSentences(TempDirectory temp, string folder)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Shared, "corpus"), "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var run = file.EndsWith("_zh.txt", StringComparison.Ordinal)
                ? string.Concat(text.Where(c => c >= '\u4E00' && c <= '\u9FFF').Take(6000))
                : string.Concat(text.Select(c => char.IsLetterOrDigit(c) ? c : ' ').Take(6000));
            temp.Write(Path.Combine(folder, Path.GetFileName(file)), run);
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

    [Fact]
    public void Run_StreamedFileChangedPartWayThroughItsRows_SkipsItWithNoneOfItsRowsAndKeepsTheOthers()
    {
        // Arrange: a batch of two small files and a large one, classified in windows; once its first rows are written
        // (the second reading), its last bytes are changed in place to bytes UTF-8 cannot decode, as a file being written over would be.
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        WriteGoodFiles(temp, "batch");
        var large = temp.Write(Path.Combine("batch", "b.txt"), LongText(6000));
        WriteGoodFiles(temp, "good");
        var written = 0;
        var job = new ClassifyJob(model)
        {
            WindowWritten = document =>
            {
                if (written++ == 0)
                {
                    BreakTheEnd(large);
                }
            },
        };

        // Act
        var result = job.Run(StreamingOptions(temp, "batch"));
        var expected = new ClassifyJob(model).Run(StreamingOptions(temp, "good"));

        // Assert
        Assert.True(written > 1, "rows of the large file were written before the change was met");
        AssertSkippedWithTheOthersWhole(temp, result, expected, "b.txt: the file is no longer valid utf-8 text (");
    }

    [Fact]
    public void Run_StreamedFileWithAStretchThatCannotBeCut_SkipsItAndKeepsTheOthers()
    {
        // Arrange: the large file's words run on with no sentence end for more than a window may grow to (lowered to 4,000 characters).
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        WriteGoodFiles(temp, "batch");
        temp.Write(Path.Combine("batch", "b.txt"), LongText(20) + Uncuttable);
        WriteGoodFiles(temp, "good");

        // Act
        var result = new ClassifyJob(model).Run(StreamingOptions(temp, "batch") with { MaxWindowCharacters = 4000 });
        var expected = new ClassifyJob(model).Run(StreamingOptions(temp, "good"));

        // Assert
        AssertSkippedWithTheOthersWhole(temp, result, expected, "b.txt: the text from character ");
        Assert.Contains("no place where it can be cut into windows", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Add sentence ends or line breaks to that stretch", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_EveryDocumentSkippedInWindows_IsAnErrorAndWritesNothing()
    {
        using var temp = new TempDirectory();
        temp.Write(Path.Combine("batch", "b.txt"), Uncuttable);

        var error = Assert.Throws<CommonProsperity.Nlp.Errors.CommonProsperityException>(
            () => new ClassifyJob(ThemeModel.Load(ShippedModel)).Run(StreamingOptions(temp, "batch") with { MaxWindowCharacters = 4000 }));

        Assert.StartsWith("none of the 1 input file(s) could be analysed", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("batch-out")));
    }

    /// <summary>Options that read the files of <paramref name="folder"/> over 10,000 bytes as they stream in, classified by sentence in windows of 2,000 characters.</summary>
    private static PassageOptions StreamingOptions(TempDirectory temp, string folder) =>
        new([temp.File(folder)], temp.File(folder + "-out"), new IngestionOptions() with { StreamedFileBytes = 10_000 }) { WindowCharacters = 2000 };

    /// <summary>The two small files of a batch (a.txt and c.txt) beside the large b.txt, in <paramref name="folder"/>.</summary>
    internal static void WriteGoodFiles(TempDirectory temp, string folder)
    {
        temp.Write(Path.Combine(folder, "a.txt"), "The foundation donated to charity. 推进共同富裕，发展慈善事业。\n");
        temp.Write(Path.Combine(folder, "c.txt"), "The party tightened control over private firms. 缩小收入差距。\n");
    }

    /// <summary>Changes the last bytes of the file in place to bytes UTF-8 cannot decode, as a file being written over would be.</summary>
    internal static void BreakTheEnd(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Seek(-3, SeekOrigin.End);
        file.Write([0xFF, 0xFE, 0xFD]);
    }

    /// <summary>Words that run on with no sentence end for 12,000 characters: more than a window may grow to in a test (4,000 characters).</summary>
    internal static string Uncuttable => string.Concat(Enumerable.Repeat("common prosperity and charity ", 400));

    internal static string LongText(int sentences) =>
        string.Concat(Enumerable.Range(0, sentences).Select(i => $"Sentence {i} on common prosperity and charity. 推进共同富裕，缩小收入差距。\n"));

    /// <summary>The run skipped b.txt alone, with the problem given, and its reports are those of the run without it, byte for byte.</summary>
    private static void AssertSkippedWithTheOthersWhole(TempDirectory temp, PassageResult result, PassageResult expected, string message)
    {
        AssertOnlyTheLargeFileSkipped(result, expected, message);
        foreach (var report in new[] { ReportFiles.Passages, ReportFiles.ThemeFrequencyClassifier })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(temp.File("good-out"), report)), File.ReadAllBytes(Path.Combine(temp.File("batch-out"), report)));
        }
    }

    /// <summary>The run skipped b.txt alone, with the problem given, and classified as many passages of the others as <paramref name="expected"/>, the run without it.</summary>
    internal static void AssertOnlyTheLargeFileSkipped(PassageResult result, PassageResult expected, string message)
    {
        var problem = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.Skipped, problem.Kind);
        Assert.Equal("b.txt", problem.File);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(2, result.Documents);
        Assert.Equal(expected.Passages, result.Passages);
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
