using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Exclusions end to end: a vetoed match is neither a hit nor an evidence row, and term_frequency.csv
/// counts it in its last column, <c>vetoed</c>; a sharded run and its merge agree with a single run.
/// </summary>
public class AnalysisPipelineExclusionTests
{
    private const string Lexicon = """
        theme,term,lang,note,exclude
        environment,生态,zh,,政治生态|产业生态
        environment,ecolog*,en,,political ecolog*
        international,asia*,en,,asia societ*
        """;

    private static List<string> WriteCorpus(TempDirectory temp)
    {
        temp.Write("in/a.txt", "要净化政治生态，也要保护湿地生态。The Asia Society wrote about Asian ecology.");
        temp.Write("in/b.txt", "优化产业生态。The political ecology of the Asia Society's donors.");
        return [temp.File("in")];
    }

    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.TrimStart('\uFEFF')).ToList();
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }

    [Fact]
    public void Run_LexiconWithExclusions_CountsVetoedMatchesApartAndKeepsThemOutOfEvidence()
    {
        // Arrange
        using var temp = new TempDirectory();
        var inputs = WriteCorpus(temp);
        var lexicon = LexiconLoader.Load(temp.Write("lexicon.csv", Lexicon));

        // Act
        new AnalysisPipeline(lexicon).Run(new AnalysisOptions(inputs, temp.File("out"), new IngestionOptions()));

        // Assert
        var terms = Rows(temp.File("out/" + ReportFiles.TermFrequency)).ToDictionary(r => r["term"]);
        Assert.Equal("vetoed", File.ReadLines(temp.File("out/" + ReportFiles.TermFrequency)).First().Split(',')[^1]);
        Assert.Equal(("1", "1", "2"), (terms["生态"]["hits"], terms["生态"]["documents"], terms["生态"]["vetoed"]));
        Assert.Equal(("1", "1", "1"), (terms["ecolog*"]["hits"], terms["ecolog*"]["documents"], terms["ecolog*"]["vetoed"]));
        Assert.Equal(("1", "1", "2"), (terms["asia*"]["hits"], terms["asia*"]["documents"], terms["asia*"]["vetoed"]));
        var evidence = File.ReadAllText(temp.File("out/" + ReportFiles.Evidence));
        Assert.Equal(3, evidence.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.DoesNotContain(",Asia,", evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ShardsThenMerge_LexiconWithExclusions_GiveTheVetoedCountsOfASingleRun()
    {
        // Arrange
        using var temp = new TempDirectory();
        var inputs = WriteCorpus(temp);
        var pipeline = new AnalysisPipeline(LexiconLoader.Load(temp.Write("lexicon.csv", Lexicon)));
        pipeline.Run(new AnalysisOptions(inputs, temp.File("single"), new IngestionOptions()));

        // Act
        pipeline.Run(new AnalysisOptions(inputs, temp.File("s0"), new IngestionOptions(), Shard: new ShardSpec(0, 2)));
        pipeline.Run(new AnalysisOptions(inputs, temp.File("s1"), new IngestionOptions(), Shard: new ShardSpec(1, 2)));
        new ShardMerger().Merge([temp.File("s0"), temp.File("s1")], temp.File("merged"));

        // Assert
        Assert.Equal(File.ReadAllText(temp.File("single/" + ReportFiles.TermFrequency)), File.ReadAllText(temp.File("merged/" + ReportFiles.TermFrequency)));
        Assert.Contains(",2", File.ReadAllText(temp.File("merged/" + ReportFiles.TermFrequency)), StringComparison.Ordinal);
    }
}
