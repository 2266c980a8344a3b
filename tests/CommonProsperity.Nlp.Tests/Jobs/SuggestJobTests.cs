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
