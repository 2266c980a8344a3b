namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// An input file read into memory with its metadata (<see cref="DocumentSource.Load"/>), ready to be
/// decoded and parsed into documents on any thread (<see cref="DocumentSource.Extract"/>).
/// </summary>
/// <param name="File">The file.</param>
/// <param name="Bytes">Its contents.</param>
/// <param name="Metadata">The metadata a <c>sources.csv</c> gives it (empty when none does).</param>
internal sealed record LoadedFile(SourceFile File, byte[] Bytes, DocumentMetadata Metadata);
