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
        var format = file.Extension is "md" or "markdown" ? "md" : "txt";
        yield return new Document(file.RelativePath, decoded.Text, metadata, file, format, decoded.Encoding) { EncodingBy = decoded.By };
    }
}
