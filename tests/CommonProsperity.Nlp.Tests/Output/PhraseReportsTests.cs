using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

public class PhraseReportsTests
{
    [Fact]
    public void Docs_Discovery_LinksEachReportToItsGeneratedColumns_AndCopiesNoColumnTable()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "discovery.md"));
        var lexicons = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "lexicons.md"));

        // lexicon_suggestions.csv belongs to `lexicon suggest`, documented in lexicons.md.
        Assert.All(ReportReference.Discovery, l => Assert.Contains(
            $"(reports.md#{ReportReference.Anchor(l.File)})", l.File == ReportFiles.LexiconSuggestions ? lexicons : page, StringComparison.Ordinal));
        Assert.DoesNotContain("| column | meaning |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("| column | meaning |", lexicons, StringComparison.Ordinal);
    }
}
