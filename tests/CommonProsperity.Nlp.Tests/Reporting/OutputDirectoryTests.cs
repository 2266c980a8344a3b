using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Reporting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Reporting;

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
    public void Open_StagingFoldersOfKilledRuns_AreCleanedUp()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File(".reports.cpnlp-999-dead"));

        using (var output = OutputDirectory.Open(temp.File("reports")))
        {
            File.WriteAllText(output.Stage("a.csv"), "x");
            output.Commit();
        }

        Assert.Equal(["reports"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Stage_BeforeCommit_IsInvisibleInTheOutputFolder()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        using var output = OutputDirectory.Open(out_);

        File.WriteAllText(output.Stage("a.csv"), "x");

        Assert.False(Directory.Exists(out_));
    }
}
