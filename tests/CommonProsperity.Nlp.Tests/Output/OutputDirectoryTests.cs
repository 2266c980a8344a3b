using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

public class OutputDirectoryTests
{
    [Fact]
    public void Open_PathIsAFile_ThrowsOutputException()
    {
        using var temp = new TempDirectory();
        var file = temp.Write("reports", "I am a file");

        var error = Assert.Throws<OutputException>(() => OutputDirectory.Open(file));

        Assert.Contains("is an existing file", error.Message, StringComparison.Ordinal);
        Assert.Equal(73, error.ExitCode);
    }

    [Fact]
    public void Open_SecondRunOnTheSameFolder_IsRefusedWhileTheFirstHoldsIt()
    {
        using var temp = new TempDirectory();
        using var first = OutputDirectory.Open(temp.Path);

        var error = Assert.Throws<OutputException>(() => OutputDirectory.Open(temp.Path));

        Assert.Contains("another cpnlp run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_WithoutCommit_LeavesThePreviousReportAndNoTemporaryFiles()
    {
        using var temp = new TempDirectory();
        temp.Write("theme_frequency.csv", "old");
        using (var output = OutputDirectory.Open(temp.Path))
        {
            File.WriteAllText(output.Stage("theme_frequency.csv"), "new, half written");
        }

        Assert.Equal("old", File.ReadAllText(temp.File("theme_frequency.csv")));
        Assert.Equal(["theme_frequency.csv"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_ReplacesTheReports()
    {
        using var temp = new TempDirectory();
        temp.Write("theme_frequency.csv", "old");
        using (var output = OutputDirectory.Open(temp.Path))
        {
            File.WriteAllText(output.Stage("theme_frequency.csv"), "new");
            output.Commit();
        }

        Assert.Equal("new", File.ReadAllText(temp.File("theme_frequency.csv")));
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}

public class OutputDirectoryExchangeTests
{
    [Fact]
    public void Commit_ExistingFolder_KeepsFilesAndSubfoldersTheRunDoesNotWrite()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        Directory.CreateDirectory(Path.Combine(out_, "evaluation"));
        File.WriteAllText(Path.Combine(out_, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(out_, "evaluation", "metrics.csv"), "eval");
        File.WriteAllText(Path.Combine(out_, "evidence.csv"), "old");

        using (var output = OutputDirectory.Open(out_))
        {
            File.WriteAllText(output.Stage("evidence.csv"), "new");
            output.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(out_, "evidence.csv")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(out_, "notes.txt")));
        Assert.Equal("eval", File.ReadAllText(Path.Combine(out_, "evaluation", "metrics.csv")));
        Assert.Equal(["reports"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Open_StagingFoldersAndLockOfKilledRuns_AreCleanedUp()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        temp.Write("reports/.cpnlp-staging-999-dead/evidence.csv", "half");
        temp.Write("reports/.cpnlp.lock", "");

        using (var output = OutputDirectory.Open(out_))
        {
            File.WriteAllText(output.Stage("a.csv"), "x");
            output.Commit();
        }

        Assert.Equal(["a.csv"], Directory.GetFileSystemEntries(out_).Select(Path.GetFileName));
        Assert.Equal(["reports"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Stage_BeforeCommit_IsInvisibleInTheOutputFolderAndNothingIsWrittenBesideIt()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        using var output = OutputDirectory.Open(out_);

        File.WriteAllText(output.Stage("a.csv"), "x");

        Assert.All(Directory.GetFileSystemEntries(out_).Select(Path.GetFileName), name => Assert.StartsWith(".cpnlp", name, StringComparison.Ordinal));
        Assert.Equal(["reports"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Dispose_NewFolderWithoutCommit_RemovesTheFolderItCreated()
    {
        using var temp = new TempDirectory();
        using (var output = OutputDirectory.Open(temp.File("reports")))
        {
            File.WriteAllText(output.Stage("a.csv"), "x");
        }

        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Commit_NewManifest_RemovesThePreviousRunsReportsNotWrittenAgainAndNothingElse()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        Commit(out_, ("a.csv", "1"), ("chart.png", "1"), (ReportFiles.Manifest, Manifest("a.csv", "chart.png", ReportFiles.Manifest)));
        temp.Write("reports/notes.txt", "mine");

        Commit(out_, ("a.csv", "2"), (ReportFiles.Manifest, Manifest("a.csv", ReportFiles.Manifest)));

        Assert.Equal(["a.csv", "manifest.json", "notes.txt"], Visible(out_));
        Assert.Equal("2", File.ReadAllText(Path.Combine(out_, "a.csv")));
    }

    [Fact]
    public void Commit_WithoutManifest_RemovesNothing()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        Commit(out_, ("a.csv", "1"), (ReportFiles.Manifest, Manifest("a.csv", ReportFiles.Manifest)));

        Commit(out_, ("metrics.csv", "m"));

        Assert.Equal(["a.csv", "manifest.json", "metrics.csv"], Visible(out_));
    }

    [Fact]
    public void Commit_PreviousManifestNamingPathsOutsideTheFolder_RemovesNothingOutsideIt()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        var victim = temp.Write("victim.txt", "keep me");
        temp.Write("reports/sub/inner.txt", "keep me too");
        temp.Write("reports/" + ReportFiles.Manifest, Manifest("../victim.txt", victim, "sub", "sub/../../victim.txt", ".cpnlp.lock"));

        Commit(out_, ("a.csv", "x"), (ReportFiles.Manifest, Manifest("a.csv", ReportFiles.Manifest)));

        Assert.Equal("keep me", File.ReadAllText(victim));
        Assert.Equal("keep me too", File.ReadAllText(temp.File("reports/sub/inner.txt")));
    }

    [Fact]
    public void Commit_AFolderWhereAReportGoes_IsRefusedBeforeAnythingChanges()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        Commit(out_, ("a.csv", "1"), (ReportFiles.Manifest, Manifest("a.csv", ReportFiles.Manifest)));
        Directory.CreateDirectory(Path.Combine(out_, "b.csv"));

        using var output = OutputDirectory.Open(out_);
        File.WriteAllText(output.Stage("a.csv"), "2");
        File.WriteAllText(output.Stage("b.csv"), "2");
        var error = Assert.Throws<OutputException>(() => output.Commit());

        Assert.Contains("a folder named b.csv is in the way", error.Message, StringComparison.Ordinal);
        Assert.Equal(73, error.ExitCode);
        Assert.Equal("1", File.ReadAllText(Path.Combine(out_, "a.csv")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Commit_StoppedAfterKRenames_LeavesAJournalThatTheNextOpenCompletes(int renames)
    {
        // Deterministic stand-in for a kill during the commit: the hook stops the commit after k renames.
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        Commit(out_, ("a.csv", "old"), ("b.csv", "old"), ("chart.png", "old"), (ReportFiles.Manifest, Manifest("a.csv", "b.csv", "chart.png", ReportFiles.Manifest)));
        temp.Write("reports/notes.txt", "mine");

        using (var output = OutputDirectory.Open(out_))
        {
            output.AfterRename = done => { if (done == renames) { throw new SimulatedKill(); } };
            File.WriteAllText(output.Stage("a.csv"), "new");
            File.WriteAllText(output.Stage("b.csv"), "new");
            File.WriteAllText(output.Stage(ReportFiles.Manifest), Manifest("a.csv", "b.csv", ReportFiles.Manifest));
            Assert.Throws<SimulatedKill>(() => output.Commit());
            Assert.True(File.Exists(Path.Combine(out_, ".cpnlp-commit.json")), "the half-done commit left no journal");
        }

        // Before the next open, the manifest is the new one only if every other report is new already.
        Assert.Equal(renames == 3, File.ReadAllText(Path.Combine(out_, ReportFiles.Manifest)) == Manifest("a.csv", "b.csv", ReportFiles.Manifest));

        OutputDirectory.Open(out_).Dispose(); // what any cpnlp command does first

        Assert.Equal(["a.csv", "b.csv", "manifest.json", "notes.txt"], Visible(out_));
        Assert.All(new[] { "a.csv", "b.csv" }, name => Assert.Equal("new", File.ReadAllText(Path.Combine(out_, name))));
        Assert.Equal(Manifest("a.csv", "b.csv", ReportFiles.Manifest), File.ReadAllText(Path.Combine(out_, ReportFiles.Manifest)));
        Assert.Empty(Directory.GetFileSystemEntries(out_, ".cpnlp*"));
    }

    [Fact]
    public void Commit_ManifestIsRenamedLast()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        var seen = new List<bool>();
        using var output = OutputDirectory.Open(out_);
        output.AfterRename = _ => seen.Add(File.Exists(Path.Combine(out_, ReportFiles.Manifest)));
        File.WriteAllText(output.Stage(ReportFiles.Manifest), Manifest("a.csv", "b.csv", ReportFiles.Manifest));
        File.WriteAllText(output.Stage("a.csv"), "x");
        File.WriteAllText(output.Stage("b.csv"), "x");

        output.Commit();

        Assert.Equal([false, false, true], seen);
    }

    internal static string Manifest(params string[] reports) =>
        System.Text.Json.JsonSerializer.Serialize(new { tool = "cpnlp", reports });

    internal static void Commit(string folder, params (string Name, string Text)[] reports)
    {
        using var output = OutputDirectory.Open(folder);
        foreach (var (name, text) in reports)
        {
            File.WriteAllText(output.Stage(name), text);
        }

        output.Commit();
    }

    internal static string[] Visible(string folder) =>
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Where(n => !n!.StartsWith(".cpnlp", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray()!;

    private sealed class SimulatedKill : Exception;
}
