using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// Inputs stay inside the inputs: symbolic links out of the input folder are not followed unless asked,
/// each real file is read once (loops, links and hard links), only regular files are opened (devices and
/// pipes never block), a run's own output and earlier runs' reports are never read as documents, and an
/// output inside an input is refused.
/// </summary>
public class InputBoundaryTests
{
    private const string Charity = "The charity foundation supports philanthropy and donations.";

    private static (List<Document> Documents, IReadOnlyList<Problem> Skipped, ProblemLog Problems) ReadAll(IngestionOptions options, params string[] inputs)
    {
        var source = new DocumentSource(options);
        var problems = new ProblemLog();
        var documents = source.Read(source.Discover(inputs, problems), problems, CancellationToken.None).ToList();
        return (documents, problems.Skipped, problems);
    }

    [Fact]
    public void Discover_LinkToAFileOutsideTheInputFolder_IsSkippedNamingItAndTheFix()
    {
        using var temp = new TempDirectory();
        var secret = temp.Write("etc/shadow", "root:$6$secret-hash:19000:0:99999:7:::\n");
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        File.CreateSymbolicLink(Path.Combine(corpus, "shadow.txt"), secret);

        var (documents, skipped, _) = ReadAll(new IngestionOptions(), corpus);

        Assert.Equal(["a.txt"], documents.Select(d => d.Id));
        var skip = Assert.Single(skipped);
        Assert.Equal($"shadow.txt: a symbolic link to {secret}, outside the input folder; it was not followed. To read files that links point to outside the inputs, add the option to follow symbolic links.", skip.Text);
        Assert.EndsWith("add --follow-symlinks.", CommonProsperity.Nlp.Cli.Commands.OptionFlags.Describe(skip), StringComparison.Ordinal);
        Assert.DoesNotContain(documents, d => d.Text.Contains("secret-hash", StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_LinkOutsideWithFollowSymlinks_IsRead()
    {
        using var temp = new TempDirectory();
        var outside = temp.Write("elsewhere/b.txt", Charity);
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        File.CreateSymbolicLink(Path.Combine(corpus, "b.txt"), outside);

        var (documents, skipped, _) = ReadAll(new IngestionOptions(FollowSymlinks: true), corpus);

        Assert.Equal(["a.txt", "b.txt"], documents.Select(d => d.Id));
        Assert.Empty(skipped);
    }

    [Fact]
    public void Discover_RelativeLinkLoops_ReadEachRealFileOnce()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        temp.Write("corpus/sub/b.txt", Charity);
        Directory.CreateSymbolicLink(Path.Combine(corpus, "sub", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(corpus, "sub", "again"), "../sub");
        Directory.CreateSymbolicLink(Path.Combine(corpus, "mirror"), "sub");
        File.CreateSymbolicLink(Path.Combine(corpus, "alias.txt"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(corpus, "self.txt"), "self.txt");
        File.CreateSymbolicLink(Path.Combine(corpus, "ping.txt"), "pong.txt");
        File.CreateSymbolicLink(Path.Combine(corpus, "pong.txt"), "ping.txt");

        var (documents, skipped, _) = ReadAll(new IngestionOptions(), corpus);

        Assert.Equal(["a.txt", "sub/b.txt"], documents.Select(d => d.Id));
        Assert.Contains(skipped, s => s.Text == "alias.txt: the same file as a.txt (a link to it, or the same input given twice); it is read once.");
        Assert.Contains(skipped, s => s.Text.StartsWith("self.txt: a symbolic link to nothing (its target is missing, or the links loop)", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.Text.StartsWith("ping.txt: a symbolic link to nothing", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.Text.StartsWith("mirror: a symbolic link to a folder already read", StringComparison.Ordinal));
        Assert.Contains(skipped, s => s.Text.StartsWith("sub/up: a symbolic link to a folder already read (a loop, or another name for it)", StringComparison.Ordinal));
    }

    [Fact]
    public void Discover_HardLinkAndTheSameInputTwice_AreReadOnce()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        var a = temp.Write("corpus/a.txt", Charity);
        Assert.Null(SpecialFiles.Run("ln", a, Path.Combine(corpus, "hard.txt")));

        var (documents, skipped, _) = ReadAll(new IngestionOptions(), corpus, a);

        Assert.Equal(["a.txt"], documents.Select(d => d.Id));
        Assert.Equal(2, skipped.Count(s => s.Text.Contains("the same file as a.txt", StringComparison.Ordinal)));
    }

    [Fact]
    public void Discover_LinkToDevZero_IsRefusedEvenWithFollowSymlinks()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        File.CreateSymbolicLink(Path.Combine(corpus, "zero.txt"), "/dev/zero");

        var (plain, plainSkipped, _) = ReadAll(new IngestionOptions(), corpus);
        var (followed, followedSkipped, _) = ReadAll(new IngestionOptions(FollowSymlinks: true), corpus);

        Assert.Equal(["a.txt"], plain.Select(d => d.Id));
        Assert.Equal(["a.txt"], followed.Select(d => d.Id));
        Assert.StartsWith("zero.txt: a symbolic link to /dev/zero, outside the input folder", Assert.Single(plainSkipped).Text, StringComparison.Ordinal);
        Assert.Equal("zero.txt: a character device, not a regular file; it was not read (only regular files are). Remove it from the input folder, or replace it with the file itself.", Assert.Single(followedSkipped).Text);
    }

    [Fact]
    public void Read_LinkToAFifo_IsRefusedWithoutBlocking()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        SpecialFiles.Fifo(Path.Combine(corpus, "pipe"));
        File.CreateSymbolicLink(Path.Combine(corpus, "pipe.txt"), "pipe");

        var (documents, skipped, _) = ReadAll(new IngestionOptions(), corpus);

        Assert.Equal(["a.txt"], documents.Select(d => d.Id));
        Assert.Equal(["pipe", "pipe.txt"], skipped.Select(s => s.File).Order(StringComparer.Ordinal));
        Assert.All(skipped, s => Assert.Contains("a named pipe (FIFO), not a regular file; it was not read", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AFifoNamedSourcesCsv_IsPassedOverWithAWarningWithoutBlocking()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        SpecialFiles.Fifo(Path.Combine(corpus, "sources.csv"));

        var (documents, skipped, problems) = ReadAll(new IngestionOptions(), corpus);

        Assert.Equal(["a.txt"], documents.Select(d => d.Id));
        Assert.Empty(skipped);
        Assert.Equal(["sources.csv: a named pipe (FIFO), not a regular file; its metadata was not used. Replace it with a CSV file."], problems.Warnings.Select(w => w.Text));
    }

    [Fact]
    public void Train_LabelFileThatIsAFifo_StopsWithAMessageWithoutBlocking()
    {
        using var temp = new TempDirectory();
        var labels = temp.File("labels.csv");
        SpecialFiles.Fifo(labels);

        var error = Assert.Throws<InputException>(() => CsvTable.Open(labels));

        Assert.Equal($"{labels}: cannot read the file (it is a named pipe (FIFO), not a regular file). Check that it exists and that you may read it.", error.Message);
    }

    [Fact]
    public void Discover_AFolderHoldingAnEarlierRunsReports_IsNotReadAsDocuments()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        temp.Write("corpus/b.txt", Charity + " Inequality.");
        var (code, _, error) = CliRunner.Run("analyze", corpus, "--out", temp.File("reports"), "--quiet", "--no-charts");
        Assert.True(code == 0, error);
        Directory.Move(temp.File("reports"), Path.Combine(corpus, "reports"));

        var (documents, skipped, _) = ReadAll(new IngestionOptions(), corpus);

        Assert.Equal(["a.txt", "b.txt"], documents.Select(d => d.Id));
        Assert.Equal("reports: holds the reports of an earlier cpnlp run (manifest.json); they were not read as documents. Move the reports out of the input folder.", Assert.Single(skipped).Text);
    }

    [Theory]
    [InlineData("analyze", "corpus/classified")]
    [InlineData("analyze", "corpus")]
    [InlineData("topics", "corpus/topics")]
    [InlineData("classify", "corpus/classified")]
    [InlineData("suggest", "corpus/to_label.csv")]
    public void Run_OutputInsideAnInput_IsRefusedWith64BeforeAnythingIsWritten(string command, string output)
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        var out_ = temp.File(output);

        var (code, _, error) = CliRunner.Run(command, corpus, "--out", out_);

        Assert.True(code == 64, error);
        Assert.StartsWith($"error: the output {out_} is {(out_ == corpus ? "the input" : "inside the input")} {corpus}, so the reports would be read as documents by the next run.", error, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], Directory.GetFileSystemEntries(corpus).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_OutputInsideAnInputThroughASymbolicLink_IsRefused()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        var link = temp.File("shortcut");
        Directory.CreateSymbolicLink(link, corpus);

        var (code, _, error) = CliRunner.Run("analyze", corpus, "--out", Path.Combine(link, "reports"));

        Assert.True(code == 64, error);
        Assert.Contains("inside the input", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_TheRunsOwnOutput_IsExcludedEvenWhenNamedThroughALink()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/a.txt", Charity);
        var suggestions = temp.Write("corpus/to_label.csv", "id,text\n1,charity\n");
        var link = temp.File("link.csv");
        File.CreateSymbolicLink(link, suggestions);

        var (documents, skipped, _) = ReadAll(new IngestionOptions().Excluding(link), corpus);

        Assert.Equal(["a.txt"], documents.Select(d => d.Id));
        Assert.Empty(skipped);
    }

    [Fact]
    public void LoadModel_ANamedPipe_StopsWithAMessageWithoutBlocking()
    {
        using var temp = new TempDirectory();
        var model = temp.File("m.zip");
        SpecialFiles.Fifo(model);

        var error = Assert.Throws<ModelException>(() => Nlp.Models.ThemeModel.Load(model));

        Assert.Equal($"{model}: the model path is a named pipe (FIFO), not a regular file. Pass the model file written by TrainJob.", error.Message);
        Assert.Equal(65, error.ExitCode);
    }
}
