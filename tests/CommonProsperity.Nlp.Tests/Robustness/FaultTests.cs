using System.Diagnostics;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using Xunit.Abstractions;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>A generated corpus, two lexicons, and the reports each gives (computed once for the fault tests).</summary>
public sealed class FaultCorpusFixture : IDisposable
{
    public FaultCorpusFixture()
    {
        Directory = new TempDirectory();
        Corpus = Directory.File("corpus");
        GeneratedCorpus.Write(Corpus, documents: 300, words: 8000);
        LexiconA = TestPaths.MiniLexicon;
        LexiconB = Directory.Write("other_lexicon.csv", GeneratedCorpus.OtherLexicon);
        ReportsA = Reference(LexiconA, "a");
        ReportsB = Reference(LexiconB, "b");
        Assert.False(ReportsA.SameAs(ReportsB), "the two lexicons must give different reports");
    }

    internal TempDirectory Directory { get; }

    public string Corpus { get; }

    public string LexiconA { get; }

    public string LexiconB { get; }

    internal ReportSet ReportsA { get; }

    internal ReportSet ReportsB { get; }

    public void Dispose() => Directory.Dispose();

    private ReportSet Reference(string lexicon, string name)
    {
        var output = Directory.File("reference-" + name);
        var (code, _, error) = CliRunner.Run("analyze", Corpus, "--lexicon", lexicon, "--out", output, "--quiet");
        Assert.True(code == 0, error);
        return ReportSet.ReadWhole(output);
    }
}

/// <summary>
/// Faults during a run of the real <c>cpnlp</c> process: killed at any moment, interrupted with Ctrl-C,
/// or racing another run for the same output folder. Each must leave either the previous reports or the
/// complete new ones, never a mix.
/// </summary>
[Collection(ChildProcessCollection.Name)]
public sealed class FaultTests(FaultCorpusFixture corpus, ITestOutputHelper log) : IClassFixture<FaultCorpusFixture>
{
    [Fact]
    public void Kill_AtRandomMoments_LeavesEitherThePreviousOrTheCompleteNewReports()
    {
        using var temp = new TempDirectory();
        var output = temp.File("reports");
        var first = CpnlpProcess.Run("analyze", corpus.Corpus, "--lexicon", corpus.LexiconA, "--out", output, "--quiet");
        Assert.True(first.ExitCode == 0, first.ToString());
        var duration = first.Elapsed;
        var current = ReportSet.ReadWhole(output);
        Assert.True(current.SameAs(corpus.ReportsA));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"seed {seed}; a complete run takes {duration.TotalMilliseconds:F0} ms");

        var interrupted = 0;
        for (var i = 0; i < 10; i++)
        {
            var (lexicon, expected) = i % 2 == 0 ? (corpus.LexiconB, corpus.ReportsB) : (corpus.LexiconA, corpus.ReportsA);
            var delay = TimeSpan.FromMilliseconds(random.Next(0, (int)(duration.TotalMilliseconds * 1.3)));
            using var child = CpnlpProcess.Start("analyze", corpus.Corpus, "--lexicon", lexicon, "--out", output, "--quiet");
            bool finished;
            if (i == 0)
            {
                // The first kill lands surely while the run writes, however fast or busy the machine: the run is stopped
                // (SIGSTOP) as soon as its staging folder is seen, and killed stopped.
                finished = !child.WaitUntil(() => ReportSet.StagingFolders(output).Length > 0, TimeSpan.FromMinutes(2));
                if (!finished)
                {
                    child.Pause();
                    finished = child.HasExited;
                }
            }
            else
            {
                finished = child.WaitForExit(delay);
            }

            if (!finished)
            {
                child.Kill();
                Assert.True(child.WaitForExit(TimeSpan.FromSeconds(60)), "the killed process did not end");
            }

            // Killed during the renames of its commit, a run leaves its journal: the next open of the folder completes it.
            var pending = ReportSet.PendingCommit(output);
            if (pending)
            {
                ReportSet.Recover(output);
                Assert.False(ReportSet.PendingCommit(output), "opening the folder did not complete the pending commit");
            }

            var now = ReportSet.ReadWhole(output);
            var outcome = now.SameAs(current) ? "previous" : now.SameAs(expected) ? "new" : "neither";
            log.WriteLine($"run {i}: {(finished ? "finished" : "killed")} after {delay.TotalMilliseconds:F0} ms; {(pending ? "a pending commit was completed; " : string.Empty)}the folder holds the {outcome} reports");
            Assert.True(outcome != "neither", $"run {i}, killed after {delay.TotalMilliseconds:F0} ms, left reports that are neither the previous nor the new ones");
            interrupted += !finished && outcome == "previous" && !expected.SameAs(current) ? 1 : 0;
            current = now;
        }

        Assert.True(interrupted > 0, "no kill landed before a run's reports were in place; the test proved nothing");
        var last = CpnlpProcess.Run("analyze", corpus.Corpus, "--lexicon", corpus.LexiconA, "--out", output, "--quiet");
        Assert.True(last.ExitCode == 0, last.ToString());
        Assert.True(ReportSet.ReadWhole(output).SameAs(corpus.ReportsA));
        Assert.Empty(ReportSet.StagingFolders(output)); // staging folders of killed runs are cleaned up by the next run
        Assert.Equal(["reports"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName)); // nothing was ever written beside the folder
    }

    [Fact]
    public void CtrlC_DuringARun_ExitsWith130AndKeepsThePreviousReports()
    {
        using var temp = new TempDirectory();
        var output = temp.File("reports");
        var first = CpnlpProcess.Run("analyze", corpus.Corpus, "--lexicon", corpus.LexiconA, "--out", output, "--quiet");
        Assert.True(first.ExitCode == 0, first.ToString());

        // The signal comes while the run writes, however fast or busy the machine: the run is stopped (SIGSTOP) as soon
        // as its staging folder is seen, signalled while stopped, and let go on (SIGCONT), when the signal reaches it.
        // Its one thread makes the rest of the run long beside the time the signal takes to be handled.
        using var child = CpnlpProcess.Start("analyze", corpus.Corpus, "--lexicon", corpus.LexiconB, "--out", output, "--threads", "1");
        Assert.True(child.WaitUntil(() => ReportSet.StagingFolders(output).Length > 0, TimeSpan.FromMinutes(2)), "the run never started writing: " + child);
        child.Pause();
        Assert.False(child.HasExited, "the run finished before it could be stopped; the corpus is too small");
        var clock = Stopwatch.StartNew();
        child.Interrupt();
        child.Resume();
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)), "Ctrl-C did not stop the run");
        log.WriteLine($"exited {clock.Elapsed.TotalMilliseconds:F0} ms after SIGINT (measured, not asserted: latency is measured in bench/)");

        Assert.Equal(130, child.ExitCode);
        Assert.Contains("cancelled: the reports already in the output folder were left as they were.", child.Error, StringComparison.Ordinal);
        Assert.True(ReportSet.ReadWhole(output).SameAs(corpus.ReportsA));
        Assert.Empty(ReportSet.StagingFolders(output)); // a cancelled run removes its staging folder
    }

    [Fact]
    public void TwoRuns_OnTheSameFolderAtOnce_TheSecondIsRefusedWith73AndNothingInterleaves()
    {
        using var temp = new TempDirectory();
        var output = temp.File("reports");
        var first = CpnlpProcess.Run("analyze", corpus.Corpus, "--lexicon", corpus.LexiconA, "--out", output, "--quiet");
        Assert.True(first.ExitCode == 0, first.ToString());

        // The folder held as a run holds it while it writes (its lock), for as long as the test needs: no race
        // between a first run finishing and a second one starting, however busy the machine.
        using (OutputDirectory.Open(output))
        {
            var second = CpnlpProcess.Run("analyze", corpus.Corpus, "--lexicon", corpus.LexiconB, "--out", output, "--quiet");

            Assert.True(second.ExitCode == 73, second.ToString());
            Assert.StartsWith($"error: {output}: another cpnlp run is writing to this folder", second.Error, StringComparison.Ordinal);
            Assert.Contains("Wait for it to finish, or give this run another folder for --out.", second.Error, StringComparison.Ordinal);
        }

        Assert.True(ReportSet.ReadWhole(output).SameAs(corpus.ReportsA));
    }
}
