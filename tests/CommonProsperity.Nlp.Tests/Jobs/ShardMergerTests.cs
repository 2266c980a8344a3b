using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// A run split into shards (<c>analyze --shard I/N</c>) and merged gives the reports of a single run,
/// byte for byte, and the same manifest apart from the command, options and timings; shards that do
/// not belong together are refused with the folder named.
/// </summary>
public class ShardMergerTests
{
    public static TheoryData<string, int> Corpora() => new()
    {
        { "mini", 2 },
        { "weighted", 2 },
        { "mini", 3 },
        { "shared", 2 },
        { "shared", 3 },
        { "warnings", 2 },
        { "warnings", 3 },
    };

    [Theory]
    [MemberData(nameof(Corpora))]
    public void ShardsThenMerge_GiveTheReportsOfASingleRun(string corpus, int shards)
    {
        using var temp = new TempDirectory();
        var (inputs, lexicon) = Corpus(corpus, temp);
        var single = temp.File("single");
        var pipeline = new AnalysisPipeline(lexicon);
        pipeline.Run(new AnalysisOptions(inputs, single, new IngestionOptions()));

        var folders = Enumerable.Range(0, shards).Select(i => temp.File($"shard-{i}")).ToList();
        for (var i = 0; i < shards; i++)
        {
            pipeline.Run(new AnalysisOptions(inputs, folders[i], new IngestionOptions(), Shard: new ShardSpec(i, shards)));
        }

        var merged = temp.File("merged");
        new ShardMerger().Merge([.. folders.AsEnumerable().Reverse()], merged, new MergeOptions(Evidence: MergeEvidence.Copy));

        foreach (var report in new[] { ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(single, report)), File.ReadAllText(Path.Combine(merged, report)));
            Assert.Equal(File.ReadAllBytes(Path.Combine(single, report)), File.ReadAllBytes(Path.Combine(merged, report)));
        }

        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(single, ReportFiles.Manifest)));
        using var actual = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, ReportFiles.Manifest)));
        if (corpus == "warnings")
        {
            Assert.True(expected.RootElement.GetProperty("warnings").GetArrayLength() >= 6, "the test corpus should warn about its sources.csv files");
            Assert.True(expected.RootElement.GetProperty("skipped").GetArrayLength() >= 3, "the test corpus should skip inputs");
        }

        foreach (var field in new[] { "lexicon", "documents", "tokens", "characters", "inputs", "skipped", "warnings", "reports" })
        {
            Assert.Equal(expected.RootElement.GetProperty(field).GetRawText(), actual.RootElement.GetProperty(field).GetRawText());
        }
    }

    [Fact]
    public void Merge_DrawsTheChartsAsTheShardsWereAsked()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");
        var pipeline = new AnalysisPipeline(DefaultLexicon.Instance);
        var chart = new TrendChartOptions(["philanthropy", "inequality"], Relative: true);
        var single = temp.File("single");
        pipeline.Run(new AnalysisOptions([corpus], single, new IngestionOptions(), Chart: chart));
        var folders = Enumerable.Range(0, 2).Select(i => temp.File($"shard-{i}")).ToList();
        for (var i = 0; i < folders.Count; i++)
        {
            pipeline.Run(new AnalysisOptions([corpus], folders[i], new IngestionOptions(), Shard: new ShardSpec(i, folders.Count), Chart: chart));
        }

        var merged = temp.File("merged");
        new ShardMerger().Merge(folders, merged);

        // The same two themes on the same relative scale: the charts of the single run, pixel for pixel.
        var charts = Directory.GetFiles(single, "chart_*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(charts);
        Assert.Equal(charts, Directory.GetFiles(merged, "chart_*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        foreach (var name in charts)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(single, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(merged, name!))), $"{name} differs from the single run's");
        }

        // Which a merge that drew every theme on the rate scale would not give.
        var plain = temp.File("plain");
        pipeline.Run(new AnalysisOptions([corpus], plain, new IngestionOptions()));
        Assert.Contains(charts, name => !File.ReadAllBytes(Path.Combine(plain, name!)).SequenceEqual(File.ReadAllBytes(Path.Combine(single, name!))));

        // And the manifest says what was drawn, as the single run's does.
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(single, ReportFiles.Manifest)));
        using var actual = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, ReportFiles.Manifest)));
        foreach (var option in new[] { "charts", "html", "xlsx", "chart_themes", "chart_scale" })
        {
            Assert.Equal(expected.RootElement.GetProperty("options").GetProperty(option).GetRawText(), actual.RootElement.GetProperty("options").GetProperty(option).GetRawText());
        }
    }

    [Fact]
    public void Shards_SplitTheFilesWithoutOverlap()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");
        var pipeline = new AnalysisPipeline(DefaultLexicon.Instance);

        var documents = Enumerable.Range(0, 4)
            .Select(i => pipeline.Run(new AnalysisOptions([corpus], temp.File($"s{i}"), new IngestionOptions(), Shard: new ShardSpec(i, 4))).Documents)
            .ToList();

        Assert.Equal(13, documents.Sum());
        Assert.True(documents.Count(d => d > 0) >= 2, "the files should spread over the shards");
    }

    [Fact]
    public void StableHash_IsTheSameOnEveryMachineAndRun()
    {
        // The first 8 bytes (little-endian) of SHA-256("a/b.txt"): changing the hash would reshuffle shards of runs in progress.
        Assert.Equal(0xfff11c3b0d005055UL, ShardSpec.StableHash("a/b.txt"));
        Assert.True(new ShardSpec((int)(0xfff11c3b0d005055UL % 3), 3).Contains("a/b.txt"));
        Assert.NotEqual(ShardSpec.StableHash("a/b.txt"), ShardSpec.StableHash("a/c.txt"));
    }

    [Theory]
    [InlineData("0/1")]
    [InlineData("3/4")]
    public void Parse_ValidShard_RoundTrips(string text) => Assert.Equal(text, ShardSpec.Parse(text).ToString());

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Parse_BadShard_ThrowsNamingIt(string text)
    {
        var error = Assert.Throws<OptionsException>(() => ShardSpec.Parse(text));

        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_MissingShard_IsRefusedNamingIt()
    {
        using var temp = new TempDirectory();
        var folders = RunShards(temp, DefaultLexicon.Instance, 3);

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge([folders[0], folders[2]], temp.File("merged")));

        Assert.Contains("1/3", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("merged")));
    }

    [Fact]
    public void Merge_SameShardTwice_IsRefusedNamingBothFolders()
    {
        using var temp = new TempDirectory();
        var folders = RunShards(temp, DefaultLexicon.Instance, 2);
        new AnalysisPipeline(DefaultLexicon.Instance).Run(new AnalysisOptions([TestPaths.MiniCorpus], temp.File("again"), new IngestionOptions(), Shard: new ShardSpec(0, 2)));

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge([folders[0], folders[1], temp.File("again")], temp.File("merged")));

        Assert.Contains(folders[0], error.Message, StringComparison.Ordinal);
        Assert.Contains(temp.File("again"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ShardsWithDifferentLexicons_IsRefusedNamingTheFolder()
    {
        using var temp = new TempDirectory();
        var pipelineA = new AnalysisPipeline(DefaultLexicon.Instance);
        var pipelineB = new AnalysisPipeline(LexiconLoader.Load(TestPaths.MiniLexicon));
        pipelineA.Run(new AnalysisOptions([TestPaths.MiniCorpus], temp.File("a"), new IngestionOptions(), Shard: new ShardSpec(0, 2)));
        pipelineB.Run(new AnalysisOptions([TestPaths.MiniCorpus], temp.File("b"), new IngestionOptions(), Shard: new ShardSpec(1, 2)));

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge([temp.File("a"), temp.File("b")], temp.File("merged")));

        Assert.StartsWith(temp.File("b"), error.Message, StringComparison.Ordinal);
        Assert.Contains("another lexicon", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ShardsWithDifferentOptions_IsRefusedNamingTheOption()
    {
        using var temp = new TempDirectory();
        var pipeline = new AnalysisPipeline(DefaultLexicon.Instance);
        pipeline.Run(new AnalysisOptions([TestPaths.MiniCorpus], temp.File("a"), new IngestionOptions(), Shard: new ShardSpec(0, 2)));
        pipeline.Run(new AnalysisOptions([TestPaths.MiniCorpus], temp.File("b"), new IngestionOptions(), ContextCharacters: 10, Shard: new ShardSpec(1, 2)));

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge([temp.File("a"), temp.File("b")], temp.File("merged")));

        Assert.StartsWith(temp.File("b"), error.Message, StringComparison.Ordinal);
        Assert.Contains("context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_FolderWithoutPartialResults_IsRefusedNamingIt()
    {
        using var temp = new TempDirectory();
        var folders = RunShards(temp, DefaultLexicon.Instance, 2);
        Directory.CreateDirectory(temp.File("empty"));

        var error = Assert.Throws<InputException>(() => new ShardMerger().Merge([folders[0], temp.File("empty")], temp.File("merged")));

        Assert.StartsWith(temp.File("empty"), error.Message, StringComparison.Ordinal);
        Assert.Contains("(the shard I/N)", error.Message, StringComparison.Ordinal);
    }

    private static List<string> RunShards(TempDirectory temp, Lexicon lexicon, int shards)
    {
        var folders = Enumerable.Range(0, shards).Select(i => temp.File($"shard-{i}")).ToList();
        for (var i = 0; i < shards; i++)
        {
            new AnalysisPipeline(lexicon).Run(new AnalysisOptions([TestPaths.MiniCorpus], folders[i], new IngestionOptions(), Shard: new ShardSpec(i, shards)));
        }

        return folders;
    }

    /// <summary>The inputs and lexicon of a test corpus; "warnings" is made here: folders with sources.csv files that warn.</summary>
    private static (List<string> Inputs, Lexicon Lexicon) Corpus(string name, TempDirectory temp)
    {
        switch (name)
        {
            case "mini":
                return ([TestPaths.MiniCorpus, Path.Combine(TestPaths.RepoRoot, "corpus")], LexiconLoader.Load(TestPaths.MiniLexicon));
            case "shared":
                return ([Path.Combine(TestPaths.Shared, "corpus")], DefaultLexicon.Instance);
            case "weighted":
                // The mini lexicon with labels and weights, as a converted dictionary has them: the extra columns must survive the shards.
                var rows = File.ReadAllLines(TestPaths.MiniLexicon).Skip(1).Select((line, i) => $"{line},{line.Split(',')[0].ToUpperInvariant()} (weighted),{0.5 + (i % 3)}");
                var weighted = temp.Write("weighted.csv", string.Join('\n', ["theme,term,lang,note,theme_label,weight", .. rows]) + "\n");
                return ([TestPaths.MiniCorpus, Path.Combine(TestPaths.RepoRoot, "corpus")], LexiconLoader.Load(weighted));
            default:
                for (var folder = 0; folder < 3; folder++)
                {
                    temp.Write($"warn/f{folder}/sources.csv", $"file,title,date,url\nd0.txt,Zero,20{folder}1-13-45,https://example.org/{folder}\n,No file,2020,\nd2.txt,Two,2022,\n");
                    for (var d = 0; d < 4; d++)
                    {
                        temp.Write($"warn/f{folder}/d{d}.txt", $"Common prosperity and the income gap, document {folder}.{d}. 共同富裕与收入差距。");
                    }
                }

                temp.Write("warn/rows.csv", "id,text,publisher\nr1,Charity and philanthropy grow.,NGO\nr2,,NGO\nr3,Strict control of the party-state.,State\n");
                temp.Write("warn/empty.txt", string.Empty);
                temp.Write("warn/notes.docx", "not read");
                return ([temp.File("warn"), temp.File("warn/f1/d3.txt")], LexiconLoader.Load(TestPaths.MiniLexicon));
        }
    }
}
