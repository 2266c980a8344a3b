using System.Text;
using CommonProsperity.Nlp.Errors;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Reads the text layer of <c>.pdf</c> files with PdfPig, page by page in content order. The text
/// keeps the PDF's hard line wraps; the segmenter and the tokenizer's hyphen rule re-flow it.
/// A PDF without a text layer (a scan) is refused with a message that says to run OCR first. The text of
/// a PDF larger than <see cref="IngestionOptions.StreamedFileBytes"/> is written page by page to a temporary
/// file (<see cref="SpooledText"/>) instead of held in memory, for <c>analyze</c> to read in windows.
/// </summary>
/// <param name="options">How inputs are read (the size above which the text goes to a temporary file).</param>
internal sealed class PdfReader(IngestionOptions options) : IDocumentReader
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
        ArgumentNullException.ThrowIfNull(bytes);
        return Read(file, () => PdfDocument.Open(bytes), bytes.Length > options.StreamedFileBytes, metadata, cancellationToken);
    }

    /// <summary>
    /// Reads a PDF too large to hold (<see cref="IngestionOptions.StreamedFileBytes"/>) from <paramref name="stream"/>, which PdfPig
    /// reads as it needs (the file's bytes are not copied into memory); its text goes to a temporary file. The same document as
    /// <see cref="Read(SourceFile, byte[], DocumentMetadata, IProblemSink, CancellationToken)"/>.
    /// </summary>
    public IEnumerable<Document> Read(SourceFile file, Stream stream, DocumentMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(stream);
        return Read(file, () => PdfDocument.Open(stream), spooled: true, metadata, cancellationToken);
    }

    private IEnumerable<Document> Read(SourceFile file, Func<PdfDocument> open, bool spooled, DocumentMetadata metadata, CancellationToken cancellationToken)
    {
        var spool = spooled ? new SpooledText(options.TemporaryFolder, file.RelativePath) : null;
        var text = spool is null ? new StringBuilder() : null;
        try
        {
            var length = 0L;
            var anyText = false;
            try
            {
                using var pdf = open();
                foreach (var page in pdf.GetPages())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var pageText = ContentOrderTextExtractor.GetText(page).AsSpan().Trim();
                    if (length > 0)
                    {
                        Append("\n\n");
                    }

                    Append(pageText);
                    anyText |= !pageText.IsEmpty;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not CommonProsperityException)
            {
                throw new InputException($"cannot read the PDF ({e.Message}).", file.RelativePath,
                    fix: "The file may be damaged or encrypted; open and re-save (or 'print to PDF') it, or export its text to .txt.", inner: e);
            }

            if (!anyText)
            {
                throw new InputException("the PDF has no text layer (it is probably a scan).", file.RelativePath,
                    fix: "Run OCR on it first (for example ocrmypdf) and analyse the result.");
            }

            void Append(ReadOnlySpan<char> chars)
            {
                text?.Append(chars);
                spool?.Append(chars);
                length += chars.Length;
            }
        }
        catch
        {
            spool?.Dispose();
            throw;
        }

        yield return spool is null
            ? new Document(file.RelativePath, text!.ToString(), metadata, file, "pdf", "binary")
            : new Document(file.RelativePath, spool, metadata, file, "pdf", "binary");
    }
}
