using System.Text;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Reads the visible text of <c>.html</c>/<c>.htm</c> files with AngleSharp: scripts, styles, templates
/// and the head are left out, block elements become line breaks, runs of spaces collapse as a browser
/// shows them. A page nested deeper than <see cref="MaxDepth"/> elements is refused before it is parsed:
/// the parser's time grows with the square of the depth (100,000 nested tags took five minutes). The page
/// is parsed in pieces (<see cref="HtmlTextExtractor"/>, the same text as parsed whole); a page larger than
/// <see cref="IngestionOptions.StreamedFileBytes"/> is read from its file as it is parsed and its text written
/// to a temporary file (<see cref="SpooledText"/>), so that memory does not grow with the page.
/// </summary>
/// <param name="options">How inputs are read (the size of a piece, for tests).</param>
internal sealed class HtmlReader(IngestionOptions options) : IDocumentReader
{
    /// <summary>
    /// The deepest nesting of elements read, counted on the tags as written (elements a browser closes by
    /// itself, such as <c>p</c>, <c>li</c> and <c>td</c>, and void ones such as <c>br</c> are not counted).
    /// Browsers stop nesting at 512, so real pages stay well below it.
    /// </summary>
    public const int MaxDepth = 1000;

    /// <summary>A reader with the default options.</summary>
    public HtmlReader()
        : this(new IngestionOptions())
    {
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = ["html", "htm", "xhtml"];

    /// <inheritdoc />
    public string Format => "HTML";

    /// <inheritdoc />
    public string Notes => "only the visible text: scripts, styles and the page head are left out";

    /// <inheritdoc />
    public IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = TextDecoder.Decode(bytes, file.RelativePath, options.GivenEncoding, html: true);
        var text = new StringBuilder();
        Extract(new StringReader(decoded.Text), file.RelativePath, t => text.Append(t), options.HtmlChunkChars, cancellationToken);
        yield return new Document(file.RelativePath, text.ToString(), metadata, file, "html", decoded.Encoding) { EncodingBy = decoded.By };
    }

    /// <summary>
    /// Reads a page too large to hold (<see cref="IngestionOptions.StreamedFileBytes"/>) from its file as it is parsed;
    /// its text goes to a temporary file. The same document as <see cref="Read(SourceFile, byte[], DocumentMetadata, IProblemSink, CancellationToken)"/>.
    /// </summary>
    /// <exception cref="InputException">The page nests too deep.</exception>
    /// <exception cref="IOException">The file or the temporary file cannot be read or written.</exception>
    public IEnumerable<Document> Read(StreamedTextFile page, DocumentMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var spool = new SpooledText(options.TemporaryFolder, page.File.RelativePath);
        try
        {
            using var reader = page.Open();
            Extract(reader, page.File.RelativePath, spool.Append, options.HtmlChunkChars, cancellationToken);
        }
        catch
        {
            spool.Dispose();
            throw;
        }

        yield return new Document(page.File.RelativePath, spool, metadata, page.File, "html", page.EncodingName) { EncodingBy = page.By };
    }

    /// <summary>The text a reader of the page sees, paragraphs separated by blank lines.</summary>
    public static string ExtractVisibleText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder();
        new HtmlTextExtractor(HtmlTextExtractor.ChunkChars).Extract(new StringReader(html), t => text.Append(t), _ => { }, CancellationToken.None);
        return text.ToString();
    }

    /// <summary>
    /// How deep the tags as written nest, in one pass (stopping once past <paramref name="stopAbove"/>):
    /// an opening tag goes one deeper, its closing tag one back; comments, declarations, the text of
    /// scripts and styles, void elements and elements closed by the next of their kind do not count.
    /// </summary>
    internal static int NestingDepth(string html, int stopAbove)
    {
        var scanner = new HtmlNestingScanner();
        for (var at = 0; at < html.Length && scanner.Deepest <= stopAbove; at += 4096)
        {
            scanner.Feed(html.AsSpan(at, Math.Min(4096, html.Length - at)));
        }

        return scanner.Deepest;
    }

    /// <summary>The page's text to <paramref name="sink"/>, in pieces of <paramref name="chunkChars"/>; refused once it nests deeper than <see cref="MaxDepth"/>.</summary>
    private static void Extract(TextReader html, string path, TextSink sink, int chunkChars, CancellationToken cancellationToken)
    {
        var depth = new HtmlNestingScanner();
        try
        {
            new HtmlTextExtractor(chunkChars).Extract(html, sink, stretch =>
            {
                depth.Feed(stretch);
                if (depth.Deepest > MaxDepth)
                {
                    throw new InputException($"the page nests elements more than {MaxDepth} deep (browsers stop at 512); reading it would take hours.", path,
                        fix: "The file is probably generated or damaged: remove it, or save the page's text as .txt and analyse that.");
                }
            }, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or CommonProsperityException or IOException or UnauthorizedAccessException))
        {
            // AngleSharp 1.10.3 fails on some malformed pages (a NullReferenceException in its select handling): one such page must not stop the run.
            throw new InputException($"the HTML parser failed on the page ({e.GetType().Name}: {e.Message}).", path,
                fix: "Open the page in a browser and save it again (or save its text as .txt) and analyse that.", inner: e);
        }
    }
}
