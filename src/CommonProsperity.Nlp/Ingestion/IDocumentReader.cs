namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Turns one input file into documents. Implementations are sealed, stateless and named after the
/// format they read; <see cref="DocumentSource"/> picks one by extension. A reader is its format's one
/// declaration: <see cref="InputFormats"/> finds every reader of the library, and the inputs' <c>--help</c>
/// line and the format table of docs/analyze.md are made from their extensions, names and notes.
/// </summary>
internal interface IDocumentReader
{
    /// <summary>The lower-case extensions (without the dot) this reader handles, in the order the help lists them.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>The format's name, as docs/analyze.md lists it (<c>HTML</c>).</summary>
    string Format { get; }

    /// <summary>What a user should know of how the format is read (Markdown, one or two sentences, for docs/analyze.md).</summary>
    string Notes { get; }

    /// <summary>
    /// Reads <paramref name="file"/>. Problems with the whole file throw <see cref="Errors.InputException"/>;
    /// problems with one record of a multi-document file are reported to <paramref name="problems"/> and the rest are read.
    /// </summary>
    IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken);
}
