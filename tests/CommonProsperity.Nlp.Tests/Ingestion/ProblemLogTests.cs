using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public sealed class ProblemLogTests
{
    [Fact]
    public void Text_WithAndWithoutFix_IsTheMessageThenTheFix()
    {
        Assert.Equal("a.txt: the file is empty. Remove it.", Problem.Skipped("a.txt", "a.txt: the file is empty.", "Remove it.").Text);
        Assert.Equal("sources.csv:2: the date is odd.", Problem.Warning("sources.csv", "sources.csv:2: the date is odd.").Text);
    }

    [Fact]
    public void SkippedAndWarnings_MixedReports_KeepTheOrderOfEachKind()
    {
        var log = new ProblemLog();
        log.Report(Problem.Skipped("a", "a: 1."));
        log.Report(Problem.Warning("b", "b: 2."));
        log.Report(Problem.Skipped("c", "c: 3."));
        log.Report(Problem.Warning("d", "d: 4."));

        Assert.Equal(["a", "b", "c", "d"], log.All.Select(p => p.File));
        Assert.Equal(["a", "c"], log.Skipped.Select(p => p.File));
        Assert.Equal(["b", "d"], log.Warnings.Select(p => p.File));
        Assert.Equal(log.Skipped, log.All.Skipped());
    }

    [Fact]
    public void TakeAll_AfterReports_ReturnsThemAndEmptiesTheLog()
    {
        var log = new ProblemLog([Problem.Skipped("a", "a: 1.")]);
        log.Report(Problem.Warning("b", "b: 2."));

        var taken = log.TakeAll();
        log.Report(Problem.Skipped("c", "c: 3."));

        Assert.Equal(["a", "b"], taken.Select(p => p.File));
        Assert.Equal(["c"], log.All.Select(p => p.File));
    }

    [Fact]
    public void Report_FromManyThreads_KeepsEveryProblem()
    {
        var log = new ProblemLog();

        Parallel.For(0, 1000, i => log.Report(Problem.Warning(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "w")));

        Assert.Equal(1000, log.All.Select(p => p.File).Distinct().Count());
    }
}
