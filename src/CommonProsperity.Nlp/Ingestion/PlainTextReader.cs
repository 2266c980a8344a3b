namespace CommonProsperity.Nlp.Ingestion;

/// <summary>Reads <c>.txt</c> and <c>.md</c> files as they are (Markdown marks separate tokens like any punctuation).</summary>
/// <param name="options">How inputs are read (an encoding given instead of detected).</param>
internal sealed class PlainTextReader(IngestionOptions options) : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = ["txt", "text", "md", "markdown"];

    /// <inheritdoc />
    public string Format => "Plain text";

    /// <inheritdoc />
    public string Notes => "read as written (Markdown's marks separate tokens like any punctuation); a file over 4 MiB streams through in windows, whatever its size ([Large corpora](large-corpora.md#memory))";

    /// <inheritdoc />
    public IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = TextDecoder.Decode(bytes, file.RelativePath, options.GivenEncoding);
        yield return new Document(file.RelativePath, decoded.Text, metadata, file, FormatOf(file), decoded.Encoding) { EncodingBy = decoded.By };
    }

    /// <summary>
    /// As <see cref="Read"/>, the text in a pooled buffer (analyze's hot path: no string per document); the
    /// caller returns it, <see cref="Document.ReturnText"/>. Like <see cref="Read"/>, it decodes when enumerated.
    /// </summary>
    public static IEnumerable<Document> ReadPooled(SourceFile file, byte[] bytes, DocumentMetadata metadata, GivenEncoding? given)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (text, encoding, by) = TextDecoder.DecodePooled(bytes, file.RelativePath, given);
        yield return new Document(file.RelativePath, text, metadata, file, FormatOf(file), encoding) { EncodingBy = by };
    }

    /// <summary>The format a document of <paramref name="file"/> is read as: <c>md</c> or <c>txt</c>.</summary>
    internal static string FormatOf(SourceFile file) => file.Extension is "md" or "markdown" ? "md" : "txt";
}
