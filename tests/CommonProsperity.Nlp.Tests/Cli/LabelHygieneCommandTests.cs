using CommonProsperity.Nlp.Tests.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary>
/// Issue 9, item 6: a label file padded with thousands of copies of one row, or with many rows under one
/// id, used to be accepted silently and move the figures (F1 0.852 to 1.000). Every command that reads
/// labels now reads them through one door: the same passages, the same figures, and a bounded warning.
/// </summary>
public class LabelHygieneCommandTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Theory]
    [InlineData("lexicon", "check", "lexicon_check.csv")]
    [InlineData("lexicon", "suggest", "lexicon_suggestions.csv")]
    [InlineData("evaluate", null, "metrics.csv")]
    public void Command_PaddedLabelFile_GivesTheSameReportAsTheCleanOneAndWarns(string verb, string? sub, string report)
    {
        // Arrange: the clean file, and the same file with one row repeated 3,000 times and 200 rows reusing one id.
        using var temp = new TempDirectory();
        var clean = File.ReadAllText(fixture.LabelPath);
        var lines = clean.TrimEnd('\n').Split('\n');
        var repeated = Enumerable.Repeat(lines[1], 3000);
        var firstId = lines[1][..lines[1].IndexOf(',', StringComparison.Ordinal)];
        var reusedId = Enumerable.Range(0, 200).Select(i => $"{firstId},\"doc\",\"en\",\"A padded passage number {i} about taxes on the rich.\",\"inequality\"");
        var padded = temp.Write("padded.csv", string.Join('\n', lines.Concat(repeated).Concat(reusedId)) + "\n");

        // Act
        var (cleanCode, _, cleanError) = Run(verb, sub, fixture.LabelPath, temp.File("clean"));
        var (paddedCode, _, paddedError) = Run(verb, sub, padded, temp.File("padded"));

        // Assert
        Assert.True(cleanCode == 0, cleanError);
        Assert.True(paddedCode == 0, paddedError);
        Assert.DoesNotContain("warning:", cleanError, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(temp.File("clean"), report)), File.ReadAllText(Path.Combine(temp.File("padded"), report)));
        Assert.Contains($"warning: {padded}:{lines.Length + 1}: the same passage as line 2 with the same themes; counted once.", paddedError, StringComparison.Ordinal);
        Assert.Contains("warning: ... and 3180 more such rows in the label files", paddedError, StringComparison.Ordinal);
    }

    private (int Code, string Output, string Error) Run(string verb, string? sub, string labels, string output)
    {
        string[] args = sub is null
            ? [verb, "--model", fixture.ModelPath, "--labels", labels, "--out", output]
            : [verb, sub, "--labels", labels, "--out", output];
        return CliRunner.Run(args);
    }
}
