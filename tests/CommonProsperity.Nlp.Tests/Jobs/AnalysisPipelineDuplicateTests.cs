using System.Text.Json;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Tests.Text;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Near-duplicate inputs (issue 12): the same text in two files, and a file that repeats a long block,
/// are warnings in the result and the manifest; counts change only with <see cref="AnalysisOptions.Dedupe"/>.
/// </summary>
public class AnalysisPipelineDuplicateTests
{
    private static readonly string Block = TextFingerprintTests.Block; // 12 sentences, each with "incomes" and "gap"

    private static List<string> WriteCorpus(TempDirectory temp)
    {
        temp.Write("in/a.txt", "Rural incomes rose.\n\n" + Block);
        temp.Write("in/b.txt", "RURAL INCOMES ROSE.\n" + Block.Replace(". ", ".\n", StringComparison.Ordinal)); // a.txt re-wrapped and upper-cased
        temp.Write("in/c.txt", "The scraped page.\n\n" + Block + "\n\n" + Block + "\n\n" + Block);
        return [temp.File("in")];
    }

    private static AnalysisResult Run(TempDirectory temp, bool dedupe) =>
        new AnalysisPipeline(Nlp.Counting.LexiconLoader.FromCsvText("theme,term\ninequality,gap\n", "lexicon.csv"))
            .Run(new AnalysisOptions(WriteCorpus(temp), temp.File("out"), new IngestionOptions(), Charts: false, Html: false, Dedupe: dedupe));

    private static Dictionary<string, string> Hits(TempDirectory temp) =>
        ReportReader.Read(temp.File("out/" + ReportFiles.ThemeFrequency)).ToDictionary(r => r["document"], r => r["hits"]);

    [Fact]
    public void Run_DuplicateFileAndRepeatedBlock_WarnsAndCountsEverything()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var result = Run(temp, dedupe: false);

        // Assert
        Assert.Equal(3, result.Documents);
        Assert.Equal(new Dictionary<string, string> { ["a.txt"] = "12", ["b.txt"] = "12", ["c.txt"] = "36" }, Hits(temp));
        var warnings = result.Problems.Warnings();
        Assert.Equal(2, warnings.Count);
        Assert.Equal("b.txt", warnings[0].File);
        Assert.StartsWith("b.txt: the same text as a.txt", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("run with deduplication to count the first only", warnings[0].Text, StringComparison.Ordinal);
        Assert.Contains("run with --dedupe to count the first only", CommonProsperity.Nlp.Cli.Commands.OptionFlags.Describe(warnings[0]), StringComparison.Ordinal);
        Assert.Equal("c.txt", warnings[1].File);
        Assert.StartsWith("c.txt: 24 sentences from line 5 on", warnings[1].Message, StringComparison.Ordinal);
        Assert.Contains("(1,806 characters, 66% of the text)", warnings[1].Message, StringComparison.Ordinal);
        var manifest = File.ReadAllText(temp.File("out/" + ReportFiles.Manifest));
        Assert.Contains("the same text as a.txt", manifest, StringComparison.Ordinal);
        Assert.DoesNotContain("dedupe\": \"yes", manifest, StringComparison.Ordinal);
        Assert.Empty(result.Problems.Skipped());
    }

    [Fact]
    public void Run_Dedupe_LeavesTheDuplicateFileAndTheRepeatsOut()
    {
        // Arrange
        using var temp = new TempDirectory();

        // Act
        var result = Run(temp, dedupe: true);

        // Assert: b.txt is not counted; c.txt counts its block once, its evidence offsets still into the file as read.
        Assert.Equal(2, result.Documents);
        Assert.Equal(new Dictionary<string, string> { ["a.txt"] = "12", ["c.txt"] = "12" }, Hits(temp));
        var warnings = result.Problems.Warnings();
        Assert.Equal(["b.txt", "c.txt"], warnings.Select(w => w.File));
        Assert.Contains("left out of the counts (deduplication)", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("the repeats were left out of the counts (deduplication)", warnings[1].Message, StringComparison.Ordinal);
        var c = File.ReadAllText(temp.File("in/c.txt"));
        var evidence = ReportReader.Read(temp.File("out/" + ReportFiles.Evidence)).Where(r => r["document"] == "c.txt").ToList();
        Assert.Equal(12, evidence.Count);
        Assert.All(evidence, r => Assert.Equal("gap", c[int.Parse(r["start"], System.Globalization.CultureInfo.InvariantCulture)..int.Parse(r["end"], System.Globalization.CultureInfo.InvariantCulture)]));
        var tokens = ReportReader.Read(temp.File("out/" + ReportFiles.ThemeFrequency)).Single(r => r["document"] == "c.txt")["tokens"];
        var aTokens = ReportReader.Read(temp.File("out/" + ReportFiles.ThemeFrequency)).Single(r => r["document"] == "a.txt")["tokens"];
        Assert.Equal(aTokens, tokens); // "rural incomes rose" and "the scraped page", then the block once
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("out/" + ReportFiles.Manifest)));
        Assert.Contains("\"dedupe\"", manifest.RootElement.GetRawText(), StringComparison.Ordinal);
    }
}
