using System.Globalization;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Cli;
using CommonProsperity.Nlp.Tests.Support;
using Spectre.Console;

namespace CommonProsperity.Nlp.Tests.Cli;

[Collection(NativeOutputCollection.Name)]
public class TopicsCommandTests
{
    private static string SharedCorpus => Path.Combine(TestPaths.Shared, "corpus");

    [Fact]
    public void Topics_SharedCorpusTwiceWithTheSameSeed_WritesIdenticalTopics()
    {
        using var temp = new TempDirectory();
        string[] options = ["--topics", "6", "--iterations", "100", "--seed", "7", "--no-charts"];

        var first = CliRunner.Run(["topics", SharedCorpus, "--out", temp.File("a"), .. options]);
        var second = CliRunner.Run(["topics", SharedCorpus, "--out", temp.File("b"), .. options]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(File.ReadAllText(temp.File("a/topics.csv")), File.ReadAllText(temp.File("b/topics.csv")));
        Assert.Equal(File.ReadAllText(temp.File("a/document_topics.csv")), File.ReadAllText(temp.File("b/document_topics.csv")));
        Assert.False(File.Exists(temp.File("a/" + ReportFiles.DocumentTopicsChart)));
    }

    [Fact]
    public void Topics_SharedCorpus_WritesTopicsDocumentSharesAndChart()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("topics", SharedCorpus, "--out", temp.Path, "--topics", "5", "--iterations", "100");

        Assert.True(code == 0, error);
        Assert.Contains("Found 5 topics in 13 document(s)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("loglikelihood", output, StringComparison.Ordinal); // the native LDA's progress is kept out
        // A table row per topic that fits the console (the top words wrap); topics.csv has them all.
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(5, lines.Count(l => Regex.IsMatch(l, @"^ +[1-5] +\d+\.\d% ")));
        Assert.All(lines.Where(l => l.StartsWith("  ", StringComparison.Ordinal)), l => Assert.True(l.GetCellWidth() <= ConsoleWidth.Default, l));
        var topics = ReportReader.Read(temp.File(ReportFiles.Topics));
        Assert.Equal(5 * 15, topics.Count);
        Assert.Equal(["1", "2", "3", "4", "5"], topics.Select(r => r["topic"]).Distinct());
        Assert.Contains(topics, r => r["topic_theme"] == "philanthropy" && r["term"] == "慈善");
        var documents = ReportReader.Read(temp.File(ReportFiles.DocumentTopics));
        Assert.Equal(13, documents.Count);
        Assert.All(documents, d => Assert.Equal(1.0, Enumerable.Range(1, 5).Sum(t => double.Parse(d[$"topic_{t}"], CultureInfo.InvariantCulture)), 0.001));
        PngFile.AssertValid(temp.File(ReportFiles.DocumentTopicsChart));
        Assert.True(File.Exists(temp.File(ReportFiles.Manifest)));
    }

    [Fact]
    public void Topics_TooManyTopics_ExitsWith64()
    {
        using var temp = new TempDirectory();

        var (code, _, error) = CliRunner.Run("topics", SharedCorpus, "--out", temp.File("out"), "--topics", "500");

        Assert.Equal(64, code);
        Assert.Contains("--topics 500 is out of range", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }

    [Fact]
    public void Topics_TooLittleText_ExitsWith65AndWritesNothing()
    {
        using var temp = new TempDirectory();
        var input = temp.Write("in/short.txt", "Charity and donations.");

        var (code, _, error) = CliRunner.Run("topics", input, "--out", temp.File("out"));

        Assert.Equal(65, code);
        Assert.Contains("too little text for 8 topics", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
