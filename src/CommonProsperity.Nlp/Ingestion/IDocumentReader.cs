namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Turns one input file into documents. Implementations are sealed, stateless and named after the
/// format they read; <see cref="DocumentSource"/> picks one by extension.
/// </summary>
internal interface IDocumentReader
{
    /// <summary>The lower-case extensions (without the dot) this reader handles.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>
    /// Reads <paramref name="file"/>. Problems with the whole file throw <see cref="Errors.InputException"/>;
    /// problems with one record of a multi-document file are reported to <paramref name="problems"/> and the rest are read.
    /// </summary>
    IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken);
}
