namespace CommonProsperity.Nlp.Ingestion;

/// <summary>Reads <c>.txt</c> and <c>.md</c> files as they are (Markdown marks separate tokens like any punctuation).</summary>
internal sealed class PlainTextReader : IDocumentReader
{
    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = ["txt", "md", "markdown", "text"];

    /// <inheritdoc />
    public IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = TextDecoder.Decode(bytes, file.RelativePath);
        yield return new Document(file.RelativePath, decoded.Text, metadata, file, Format(file), decoded.Encoding) { EncodingBy = decoded.By };
    }

    /// <summary>
    /// As <see cref="Read"/>, the text in a pooled buffer (analyze's hot path: no string per document); the
    /// caller returns it, <see cref="Document.ReturnText"/>. Like <see cref="Read"/>, it decodes when enumerated.
    /// </summary>
    public static IEnumerable<Document> ReadPooled(SourceFile file, byte[] bytes, DocumentMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(file);
        var (text, encoding, by) = TextDecoder.DecodePooled(bytes, file.RelativePath);
        yield return new Document(file.RelativePath, text, metadata, file, Format(file), encoding) { EncodingBy = by };
    }

    private static string Format(SourceFile file) => file.Extension is "md" or "markdown" ? "md" : "txt";
}
