using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// An output folder that cannot be written: every command that writes reports stops with exit code 73
/// and a message naming the folder, and the inputs are not half-processed into a folder that cannot take them.
/// </summary>
public class OutputFolderTests
{
    [Theory]
    [InlineData("analyze")]
    [InlineData("lexicon check")]
    public void Run_OutputFolderUnderARegularFile_ExitsWith73NamingIt(string command)
    {
        // As root nothing is unwritable by its permissions; a folder that would have to live inside a file is.
        using var temp = new TempDirectory();
        var file = temp.Write("notes.txt", "a file, not a folder");
        var output = Path.Combine(file, "reports");
        string[] args = command == "analyze"
            ? ["analyze", TestPaths.MiniCorpus, "--out", output]
            : ["lexicon", "check", "--labels", temp.Write("labels.csv", "text,themes\nCharity.,philanthropy\n"), "--out", output];

        var (code, _, error) = CliRunner.Run(args);

        Assert.True(code == 73, error);
        Assert.Equal($"error: {output}: cannot create the output folder ({file} is a regular file, not a folder). Choose a folder you may write to for --out.", error.TrimEnd());
        Assert.Equal("a file, not a folder", File.ReadAllText(file));
    }

    [NotRootFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Analyze_OutputInAFolderWithoutWritePermission_ExitsWith73()
    {
        using var temp = new TempDirectory();
        var parent = temp.File("read-only");
        Directory.CreateDirectory(parent);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var output = Path.Combine(parent, "reports");
        try
        {
            var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output);

            Assert.Equal(73, code);
            Assert.StartsWith($"error: {output}: cannot create the output folder (", error, StringComparison.Ordinal);
            Assert.EndsWith("). Choose a folder you may write to for --out.", error.TrimEnd(), StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Analyze_AgainWithoutCharts_RemovesThePreviousChartsAndKeepsTheUsersFiles()
    {
        using var temp = new TempDirectory();
        var output = temp.File("reports");
        var (first, _, firstError) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output, "--quiet");
        Assert.True(first is 0 or 2, firstError);
        Assert.True(File.Exists(Path.Combine(output, ReportFiles.ThemeHeatmapChart)));
        temp.Write("reports/notes.txt", "mine");
        temp.Write("reports/old/chart_theme_heatmap.png", "a copy of mine");

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output, "--quiet", "--no-charts");

        Assert.True(code is 0 or 2, error);
        ReportSet.ReadWhole(output, ignore: ["notes.txt", "old"]); // exactly the reports the manifest lists, each with its SHA-256
        Assert.False(File.Exists(Path.Combine(output, ReportFiles.ThemeHeatmapChart)));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "notes.txt")));
        Assert.Equal("a copy of mine", File.ReadAllText(Path.Combine(output, "old", "chart_theme_heatmap.png")));
    }
}
