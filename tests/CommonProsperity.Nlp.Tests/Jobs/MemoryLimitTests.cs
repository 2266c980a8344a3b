using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Issue 9, item 3: memory is bounded for every input, and an input past a limit is skipped with a
/// message, never a crash. The limits are lowered here so that the files stay small.
/// </summary>
public class MemoryLimitTests
{
    [Fact]
    public void Analyze_DocumentWhoseEvidenceExceedsTheLimit_IsSkippedNamingItAndTheRestIsAnalysed()
    {
        // Arrange: a 9 MB line with --context 1000 grew past 12.7 GB; here 2,000 matches with 1,000
        // characters of context each side against a limit of 1 MB of evidence per document.
        using var temp = new TempDirectory();
        temp.Write("in/long.txt", string.Concat(Enumerable.Repeat("Charity grows as philanthropy spreads. ", 2000)));
        temp.Write("in/short.txt", "Charity grows.");
        var options = new AnalysisOptions([temp.File("in")], temp.File("out"), new IngestionOptions(), ContextCharacters: 1000, Charts: false) { MaxEvidenceBytes = 1 << 20 };

        // Act
        var result = new AnalysisPipeline(DefaultLexicon.Instance).Run(options);

        // Assert
        Assert.Equal(1, result.Documents);
        var skip = Assert.Single(result.Problems);
        Assert.Equal(ProblemKind.Skipped, skip.Kind);
        Assert.Equal("long.txt", skip.File);
        Assert.Equal("long.txt: the evidence rows of its 4,000 matches with 1000 characters of context each side would take more than 1,048,576 bytes, more than one document may have in memory. "
            + "Analyse it with less context (the context width, default 40), or split the file into smaller documents.", skip.Text);
    }

    [Fact]
    public void Analyze_SameDocumentWithLessContext_FitsAndIsAnalysed()
    {
        using var temp = new TempDirectory();
        temp.Write("in/long.txt", string.Concat(Enumerable.Repeat("Charity grows as philanthropy spreads. ", 2000)));
        var options = new AnalysisOptions([temp.File("in")], temp.File("out"), new IngestionOptions(), ContextCharacters: 10, Charts: false) { MaxEvidenceBytes = 1 << 20 };

        var result = new AnalysisPipeline(DefaultLexicon.Instance).Run(options);

        Assert.Equal(1, result.Documents);
        Assert.Empty(result.Problems);
        Assert.Equal(4001, File.ReadAllLines(Path.Combine(temp.File("out"), "evidence.csv")).Length);
    }

    [Fact]
    public void IngestionOptions_DefaultFileLimit_IsTheOneTheDocsState()
    {
        // A file of 1 GiB, which the docs once accepted, crashed with OutOfMemoryException: its text is
        // longer than a .NET string can be. The limit is now one that works, and the docs say so.
        var analyze = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "analyze.md"));

        Assert.Equal(256L << 20, new IngestionOptions().MaxFileBytes);
        Assert.Contains("may be up to 256 MiB (268,435,456 bytes)", analyze, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzeCommand_HtmlNested100000Deep_IsSkippedWithExit2AndNoStackTrace()
    {
        using var temp = new TempDirectory();
        temp.Write("in/deep.html", string.Concat(Enumerable.Repeat("<div>", 100_000)) + "charity" + string.Concat(Enumerable.Repeat("</div>", 100_000)));
        temp.Write("in/ok.txt", "Charity grows.");

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--out", temp.File("out"), "--quiet", "--no-charts");

        Assert.Equal(2, code);
        Assert.StartsWith("skipped: deep.html: the page nests elements more than 1000 deep", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
