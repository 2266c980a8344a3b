using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public class SpooledTextTests
{
    private static readonly string[] Lines = [.. Enumerable.Range(0, 30).Select(i => $"Line {i}: income inequality and philanthropy.")];

    [Fact]
    public void New_InAFolderThatDoesNotExist_SaysItIsTheTemporaryFolderAndHowToChooseAnother()
    {
        using var temp = new TempDirectory();
        var missing = temp.File("no-such-folder");

        var error = Assert.Throws<InputException>(() => new SpooledText(missing, "big.pdf"));

        Assert.StartsWith($"big.pdf: cannot create a temporary file for the document's text in the temporary folder {missing} (", error.Message, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsWindows() ? "TMP" : "TMPDIR", error.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("damaged", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_OnAFullDisk_SaysTheTemporaryFolderRanOutOfSpace()
    {
        // /dev/full (Linux) answers every write as a full disk does (ENOSPC).
        using var full = new FileStream("/dev/full", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        using var text = new SpooledText(full, "/tmp/spool", "big.pdf");

        var error = Assert.Throws<InputException>(() => text.Append(new string('x', 100_000)));

        Assert.StartsWith("big.pdf: the temporary folder /tmp/spool ran out of space while the document's text was written there", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Free some space there, or set the TMPDIR environment variable", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LargePdfWithAnUnusableTemporaryFolder_SkipsItAsThatAndReadsTheOtherFiles()
    {
        using var temp = new TempDirectory();
        temp.Write("in/big.pdf", PdfReaderTests.MakePdf(Lines));
        temp.Write("in/note.txt", "Common prosperity and charity.");
        var options = new IngestionOptions() with { StreamedFileBytes = 0, TemporaryFolder = temp.File("missing") };

        var (documents, skipped, _) = DocumentSourceTests.ReadAll(options, temp.File("in"));

        Assert.Equal(["note.txt"], documents.Select(d => d.Id));
        var problem = Assert.Single(skipped);
        Assert.StartsWith($"big.pdf: cannot create a temporary file for the document's text in the temporary folder {temp.File("missing")}", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("damaged", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Check that it exists and that you may read it", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OnlyLargePdfsAndNoUsableTemporaryFolder_SaysSoOnceWithTheFix()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.pdf", PdfReaderTests.MakePdf(Lines));
        temp.Write("in/b.pdf", PdfReaderTests.MakePdf([.. Lines.Reverse()]));
        var options = new AnalysisOptions([temp.File("in")], temp.File("out"), new IngestionOptions() with { TemporaryFolder = temp.File("missing") }, Charts: false, Html: false)
        {
            StreamedFileBytes = 0,
        };

        var error = Assert.Throws<CommonProsperityException>(() => new AnalysisPipeline(DefaultLexicon.Instance).Run(options));

        Assert.StartsWith("none of the 2 input file(s) could be analysed, all for the same reason: a.pdf: cannot create a temporary file", error.Message, StringComparison.Ordinal);
        Assert.Contains("b.pdf: cannot create a temporary file", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Make sure the folder exists and you may write to it, or set the", error.Fix, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error.Message, "Make sure the folder exists"));
        Assert.False(Directory.Exists(temp.File("out")));
    }
}
