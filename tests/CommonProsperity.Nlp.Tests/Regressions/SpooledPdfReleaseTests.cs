using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Review of the sixth session: a large PDF's text, written to a temporary file as it is extracted, was
/// released only when its document was collected (or at exit) everywhere but in <c>analyze</c>. Each
/// test gives the run a temporary folder of its own and looks, through <c>/proc/self/fd</c>, for a file
/// of it still open once the run is over.
/// </summary>
public class SpooledPdfReleaseTests
{
    private static readonly string[] Lines = [.. Enumerable.Range(0, 30).Select(i => $"Sentence {i}: common prosperity, charity and the income gap.")];

    private static string ShippedModel => Path.Combine(TestPaths.RepoRoot, "models", "themes.model.zip");

    [Fact]
    public void Read_LibraryApi_HandsOutTheTextAndLeavesNoTemporaryFileOpen()
    {
        using var temp = Corpus();
        var options = new IngestionOptions() with { StreamedFileBytes = 0, TemporaryFolder = temp.File("spool") };

        var (documents, _, _) = DocumentSourceTests.ReadAll(options, temp.File("in"));

        var pdf = Assert.Single(documents, d => d.Id == "big.pdf");
        Assert.False(pdf.IsStreamed);
        Assert.Contains("Sentence 29: common prosperity", pdf.Text, StringComparison.Ordinal);
        Assert.Equal(0, OpenFilesIn(temp.File("spool")));
        GC.KeepAlive(documents);
    }

    [Theory]
    [InlineData(PassageUnit.Sentence)]
    [InlineData(PassageUnit.Paragraph)]
    public void Classify_LargePdf_ClassifiesItAndLeavesNoTemporaryFileOpen(PassageUnit unit)
    {
        using var temp = Corpus();
        var options = new PassageOptions([temp.File("in")], temp.File("out"), new IngestionOptions() with { StreamedFileBytes = 0, TemporaryFolder = temp.File("spool") }, unit);

        var result = new ClassifyJob(ThemeModel.Load(ShippedModel)).Run(options);

        Assert.Equal(2, result.Documents);
        Assert.Contains("big.pdf", File.ReadAllText(Path.Combine(temp.File("out"), ReportFiles.Passages)), StringComparison.Ordinal);
        Assert.Equal(0, OpenFilesIn(temp.File("spool")));
    }

    [Fact]
    public void Suggest_LargePdf_LeavesNoTemporaryFileOpen()
    {
        using var temp = Corpus();
        var options = new PassageOptions([temp.File("in")], temp.File("suggested.csv"), new IngestionOptions() with { StreamedFileBytes = 0, TemporaryFolder = temp.File("spool") }, PassageUnit.Sentence);

        var result = new SuggestJob(ThemeModel.Load(ShippedModel)).Run(options, 5);

        Assert.Equal(2, result.Documents);
        Assert.Equal(0, OpenFilesIn(temp.File("spool")));
    }

    private static TempDirectory Corpus()
    {
        var temp = new TempDirectory();
        temp.Write("in/big.pdf", PdfReaderTests.MakePdf(Lines));
        temp.Write("in/note.txt", "Common prosperity and charity. The third distribution.");
        Directory.CreateDirectory(temp.File("spool"));
        return temp;
    }

    /// <summary>How many of this process's open files are (or were, before their name was removed) in <paramref name="folder"/>.</summary>
    private static int OpenFilesIn(string folder)
    {
        var open = 0;
        foreach (var fd in Directory.GetFiles("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(folder + "/", StringComparison.Ordinal))
                {
                    open++;
                }
            }
            catch (IOException)
            {
                // Closed by another thread meanwhile.
            }
        }

        return open;
    }
}
