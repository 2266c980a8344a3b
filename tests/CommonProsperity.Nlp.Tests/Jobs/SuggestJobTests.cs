using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// One bad file never sinks a batch: <c>suggest</c> skips a document read in windows that fails part-way
/// (its file changed between the readings, a stretch with no place to cut it), as <c>classify</c> does
/// (<see cref="ClassifyJobTests"/>), its passages left out of those chosen from and the others unchanged.
/// </summary>
public class SuggestJobTests
{
    private static string ShippedModel => ClassifyJobTests.ShippedModel;

    [Fact]
    public void Run_StreamedFileWithAStretchThatCannotBeCut_SkipsItAndSuggestsFromTheOthers()
    {
        // Arrange: the large file's words run on with no sentence end for more than a window may grow to (lowered to 4,000 characters).
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        ClassifyJobTests.WriteGoodFiles(temp, "batch");
        temp.Write(Path.Combine("batch", "b.txt"), ClassifyJobTests.LongText(20) + ClassifyJobTests.Uncuttable);
        ClassifyJobTests.WriteGoodFiles(temp, "good");

        // Act
        var result = new SuggestJob(model).Run(StreamingOptions(temp, "batch") with { MaxWindowCharacters = 4000 }, 50);
        var expected = new SuggestJob(model).Run(StreamingOptions(temp, "good"), 50);

        // Assert
        AssertSkippedWithTheOthersWhole(temp, result, expected, "b.txt: the text from character ");
        Assert.Contains("no place where it can be cut into windows", result.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Add sentence ends or line breaks to that stretch", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_StreamedFileChangedPartWayThroughItsPassages_SkipsItAndSuggestsFromTheOthers()
    {
        // Arrange: once the large file's first window is scored (the second reading), its last bytes are changed in place to bytes UTF-8 cannot decode.
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        ClassifyJobTests.WriteGoodFiles(temp, "batch");
        var large = temp.Write(Path.Combine("batch", "b.txt"), ClassifyJobTests.LongText(6000));
        ClassifyJobTests.WriteGoodFiles(temp, "good");
        var classified = 0;
        var job = new SuggestJob(model)
        {
            WindowClassified = document =>
            {
                if (classified++ == 0)
                {
                    ClassifyJobTests.BreakTheEnd(large);
                }
            },
        };

        // Act
        var result = job.Run(StreamingOptions(temp, "batch"), 50);
        var expected = new SuggestJob(model).Run(StreamingOptions(temp, "good"), 50);

        // Assert
        Assert.True(classified > 1, "passages of the large file were taken before the change was met");
        AssertSkippedWithTheOthersWhole(temp, result, expected, "b.txt: the file is no longer valid utf-8 text (");
    }

    [Fact]
    public void Run_EveryDocumentSkippedInWindows_IsAnErrorAndWritesNothing()
    {
        using var temp = new TempDirectory();
        temp.Write(Path.Combine("batch", "b.txt"), ClassifyJobTests.Uncuttable);

        var error = Assert.Throws<CommonProsperity.Nlp.Errors.CommonProsperityException>(
            () => new SuggestJob(ThemeModel.Load(ShippedModel)).Run(StreamingOptions(temp, "batch") with { MaxWindowCharacters = 4000 }, 50));

        Assert.StartsWith("none of the 1 input file(s) could be analysed", error.Message, StringComparison.Ordinal);
        Assert.Contains("b.txt", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("batch-suggested.csv")));
    }

    [Theory]
    [InlineData(null, 50)]
    [InlineData(400, 50)]
    [InlineData(120, 50)]
    [InlineData(60, 5)]
    public void Run_KeepingOnlyTheMostUncertain_SuggestsWhatChoosingFromEveryPassageSuggests(int? maxKept, int count)
    {
        // Arrange: real documents; the reference keeps every passage and chooses as the job did before it kept only the most uncertain.
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        var options = new PassageOptions(Inputs, temp.File("suggested.csv"), new IngestionOptions());

        // Act
        var result = new SuggestJob(model) { MaxKept = maxKept }.Run(options, count);
        var expected = ChooseFromEveryPassage(model, options with { Output = temp.File("expected.csv") }, count);

        // Assert
        Assert.DoesNotContain(result.Problems, p => p.Kind == ProblemKind.Warning && p.File == options.Output);
        Assert.Equal(count, result.Written);
        Assert.Equal(expected, File.ReadAllBytes(temp.File("suggested.csv")));
    }

    [Theory]
    [InlineData(PassageUnit.Sentence, "at most 4 passages and ")]
    [InlineData(PassageUnit.Document, "at most 4 passages): ")]
    public void Run_KeptPassagesRunOutBeforeEnoughAreChosen_WarnsNamingTheLimitsAndWritesThoseChosen(PassageUnit unit, string limits)
    {
        // Twelve documents of the same passage but for one word: each overlaps every other by more than half, so one is chosen of the four kept.
        using var temp = new TempDirectory();
        for (var i = 0; i < 12; i++)
        {
            temp.Write(Path.Combine("same", $"d{i:D2}.txt"), $"The foundation donated money to charity and the party welcomed it in year {2000 + i}.\n");
        }

        var result = new SuggestJob(ThemeModel.Load(ShippedModel)) { MaxKept = 4 }.Run(new PassageOptions([temp.File("same")], temp.File("s.csv"), new IngestionOptions(), unit), 3);

        var warning = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.Warning, warning.Kind);
        Assert.Contains("1 passage was chosen, not 3, from the passages kept to choose from (the most uncertain, " + limits, warning.Message, StringComparison.Ordinal);
        Assert.Equal(1, result.Written);
        Assert.Equal(2, File.ReadAllLines(temp.File("s.csv")).Length);
    }

    [Fact]
    public void Run_ByDocument_KeepsAsManyDocumentsAsAskedForWhateverTheirLength()
    {
        // Five documents of ~200 characters each, room for 100 characters of sentences: a document is not a sentence piece, so none is let go for its length.
        using var temp = new TempDirectory();
        for (var i = 0; i < 5; i++)
        {
            var words = Enumerable.Range(0, 40).Select(k => new string((char)('a' + i), 3) + (char)('a' + k % 26) + (char)('a' + k / 26));
            temp.Write(Path.Combine("docs", $"d{i}.txt"), string.Join(' ', words) + ".\n");
        }

        var options = new PassageOptions([temp.File("docs")], temp.File("s.csv"), new IngestionOptions(), PassageUnit.Document);
        var result = new SuggestJob(ThemeModel.Load(ShippedModel)) { MaxKeptCharacters = 100 }.Run(options, 5);

        Assert.Empty(result.Problems);
        Assert.Equal(5, result.Written);
        Assert.Equal(6, File.ReadAllLines(temp.File("s.csv")).Length);
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(200, 60)]
    public void Run_SentencesLongerThanAPassage_StreamedInWindows_SuggestsWhatReadingWholeSuggests(int window, int maxPassage)
    {
        using var temp = new TempDirectory();
        var model = ThemeModel.Load(ShippedModel);
        ClassifyJobTests.WriteLongSentences(temp, "long");
        var whole = new PassageOptions([temp.File("long"), TestPaths.MiniCorpus], temp.File("whole.csv"), new IngestionOptions() with { StreamedFileBytes = long.MaxValue }) { MaxPassageCharacters = maxPassage };
        var streamed = whole with { Output = temp.File("streamed.csv"), Ingestion = new IngestionOptions() with { StreamedFileBytes = 0 }, WindowCharacters = window };

        var expected = new SuggestJob(model).Run(whole, 50);
        var result = new SuggestJob(model).Run(streamed, 50);

        Assert.Equal(expected, result with { Problems = expected.Problems });
        Assert.Equal(expected.Problems, result.Problems);
        Assert.Equal(File.ReadAllBytes(temp.File("whole.csv")), File.ReadAllBytes(temp.File("streamed.csv")));
    }

    /// <summary>Real documents: the shared corpus (English and Chinese policy texts), the repository's and the fixtures'.</summary>
    private static string[] Inputs => [Path.Combine(TestPaths.Shared, "corpus"), Path.Combine(TestPaths.RepoRoot, "corpus"), TestPaths.MiniCorpus];

    /// <summary>
    /// The suggestions as the job made them before it kept only the most uncertain passages: every passage of every
    /// document classified and held, ordered by margin, document and position, near-duplicates passed over.
    /// </summary>
    private static byte[] ChooseFromEveryPassage(ThemeModel model, PassageOptions options, int count)
    {
        var documents = new JobInputs(options.Inputs, options.Output, options.Ingestion).Read(CancellationToken.None).ToList();
        var classified = new DocumentClassifier(model, options.Unit).Classify(documents).ToList();
        var languages = classified.ToDictionary(c => c.Document.Id, c => c.Document.Metadata.Language ?? "und", StringComparer.Ordinal);
        var scored = new List<(ClassifiedPassage Passage, double Margin, HashSet<string> Words)>();
        foreach (var passage in classified.SelectMany(c => c.Passages))
        {
            var words = CommonProsperity.Nlp.Text.CountingTokenizer.Instance.Tokenize(passage.Text).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
            if (words.Count >= 5)
            {
                scored.Add((passage, Enumerable.Range(0, model.Card.Themes.Count).Min(t => Math.Abs(passage.Probabilities[t] - model.Card.Themes[t].Threshold)), words));
            }
        }

        var chosen = new List<(ClassifiedPassage Passage, double Margin, HashSet<string> Words)>();
        foreach (var candidate in scored.OrderBy(s => s.Margin).ThenBy(s => s.Passage.Document, StringComparer.Ordinal).ThenBy(s => s.Passage.Index))
        {
            if (chosen.Count < count && !chosen.Any(c => (double)c.Words.Count(candidate.Words.Contains) / c.Words.Union(candidate.Words).Count() > 0.5))
            {
                chosen.Add(candidate);
            }
        }

        static bool IsNear(double p, double threshold) => p >= threshold / 2 && p <= threshold + (1 - threshold) / 2;
        CommonProsperity.Nlp.Output.SuggestionWriter.Write(options.Output, model, [.. chosen.Select(c => (c.Passage, c.Margin,
            (IReadOnlyList<string>)[.. Enumerable.Range(0, model.Card.Themes.Count).Where(t => IsNear(c.Passage.Probabilities[t], model.Card.Themes[t].Threshold)).Select(t => model.Card.Themes[t].Id)]))], languages);
        return File.ReadAllBytes(options.Output);
    }

    /// <summary>Options that read the files of <paramref name="folder"/> over 10,000 bytes as they stream in, classified by sentence in windows of 2,000 characters.</summary>
    private static PassageOptions StreamingOptions(TempDirectory temp, string folder) =>
        new([temp.File(folder)], temp.File(folder + "-suggested.csv"), new IngestionOptions() with { StreamedFileBytes = 10_000 }) { WindowCharacters = 2000 };

    /// <summary>The run skipped b.txt alone, with the problem given, and its suggestions are those of the run without it, byte for byte.</summary>
    private static void AssertSkippedWithTheOthersWhole(TempDirectory temp, PassageResult result, PassageResult expected, string message)
    {
        ClassifyJobTests.AssertOnlyTheLargeFileSkipped(result, expected, message);
        Assert.Equal(expected.Written, result.Written);
        Assert.True(result.Written > 0);
        Assert.Equal(File.ReadAllBytes(temp.File("good-suggested.csv")), File.ReadAllBytes(temp.File("batch-suggested.csv")));
    }
}
