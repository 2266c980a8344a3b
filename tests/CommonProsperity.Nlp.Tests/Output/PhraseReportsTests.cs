using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

public class PhraseReportsTests
{
    [Fact]
    public void Docs_Discovery_NamesEveryDeclaredColumn()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "discovery.md"));

        Assert.All(PhraseReports.All.SelectMany(l => l.Columns), c => Assert.Contains($"`{c.Name}`", page, StringComparison.Ordinal));
        Assert.All(PhraseReports.All, l => Assert.Contains($"`{l.File}`", page, StringComparison.Ordinal));
    }
}
