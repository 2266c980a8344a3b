namespace CommonProsperity.Nlp.Ingestion;

/// <summary>Reads <c>.txt</c> and <c>.md</c> files as they are (Markdown marks separate tokens like any punctuation).</summary>
internal sealed class PlainTextReader : IDocumentReader
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
        var decoded = TextDecoder.Decode(bytes, file.RelativePath);
        var format = file.Extension is "md" or "markdown" ? "md" : "txt";
        yield return new Document(file.RelativePath, decoded.Text, metadata, file, format, decoded.Encoding) { EncodingBy = decoded.By };
    }
}
