using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public class PdfReaderTests
{
    private static readonly SourceFile File = new("/x/report.pdf", "report.pdf", "/x");

    internal static byte[] MakePdf(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var y = 750.0;
        foreach (var line in lines)
        {
            page.AddText(line, 12, new PdfPoint(40, y), font);
            y -= 16;
        }

        return builder.Build();
    }

    [Fact]
    public void Read_PdfOverTheThreshold_WritesTheSameTextToATemporaryFile()
    {
        var bytes = MakePdf([.. Enumerable.Range(0, 40).Select(i => $"Line {i}: income inequality and philanthropy.")]);
        var whole = Assert.Single(new PdfReader(new IngestionOptions()).Read(File, bytes, DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None));

        var spooled = Assert.Single(new PdfReader(new IngestionOptions() with { StreamedFileBytes = 0 }).Read(File, bytes, DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None));

        Assert.False(whole.IsStreamed);
        Assert.True(spooled.IsStreamed);
        using (var reader = spooled.OpenText())
        {
            Assert.Equal(whole.Text, reader.ReadToEnd());
        }

        Assert.Equal(whole.Text, spooled.Text);
        spooled.ReturnText();
        Assert.Throws<ObjectDisposedException>(() => spooled.OpenText());
    }

    [Fact]
    public void Read_PdfWithTextLayer_ReturnsItsText()
    {
        var bytes = MakePdf("Income inequality is a concern of", "the party-state and of philanthropy.");

        var document = Assert.Single(new PdfReader(new IngestionOptions()).Read(File, bytes, DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None));

        Assert.Contains("Income inequality is a concern of", document.Text, StringComparison.Ordinal);
        Assert.Contains("philanthropy.", document.Text, StringComparison.Ordinal);
        Assert.Equal("pdf", document.Format);
    }

    [Fact]
    public void Read_PdfWithoutText_ThrowsAskingForOcr()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var bytes = builder.Build();

        var error = Assert.Throws<InputException>(() => new PdfReader(new IngestionOptions()).Read(File, bytes, DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None).ToList());

        Assert.Contains("no text layer", error.Message, StringComparison.Ordinal);
        Assert.Contains("OCR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptPdf_ThrowsNamingTheFile()
    {
        var bytes = "%PDF-1.7\nthis is not really a pdf"u8.ToArray();

        var error = Assert.Throws<InputException>(() => new PdfReader(new IngestionOptions()).Read(File, bytes, DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None).ToList());

        Assert.StartsWith("report.pdf: cannot read the PDF", error.Message, StringComparison.Ordinal);
    }
}
