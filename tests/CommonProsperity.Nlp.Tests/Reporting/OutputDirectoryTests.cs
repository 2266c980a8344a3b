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
