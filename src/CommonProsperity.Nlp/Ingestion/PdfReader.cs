using System.Text;
using CommonProsperity.Nlp.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Reads the text layer of <c>.pdf</c> files with PdfPig, page by page in content order. The text
/// keeps the PDF's hard line wraps; the segmenter and the tokenizer's hyphen rule re-flow it.
/// A PDF without a text layer (a scan) is refused with a message that says to run OCR first.
/// </summary>
internal sealed class PdfReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = ["pdf"];

    /// <inheritdoc />
    public string Format => "PDF";

    /// <inheritdoc />
    public string Notes => "the text layer; a scanned PDF without one is skipped with a note to run OCR";

    /// <inheritdoc />
    public IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var text = new StringBuilder();
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var pageText = ContentOrderTextExtractor.GetText(page);
                if (text.Length > 0)
                {
                    text.Append("\n\n");
                }

                text.Append(pageText.Trim());
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not CommonProsperityException)
        {
            throw new InputException($"cannot read the PDF ({e.Message}).", file.RelativePath,
                fix: "The file may be damaged or encrypted; open and re-save (or 'print to PDF') it, or export its text to .txt.", inner: e);
        }

        if (string.IsNullOrWhiteSpace(text.ToString()))
        {
            throw new InputException("the PDF has no text layer (it is probably a scan).", file.RelativePath,
                fix: "Run OCR on it first (for example ocrmypdf) and analyse the result.");
        }

        yield return new Document(file.RelativePath, text.ToString(), metadata, file, "pdf", "binary");
    }
}
