namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// A document's text kept out of memory (in its file, <see cref="StreamedTextFile"/>, or in a temporary
/// file a reader wrote it to, <see cref="SpooledText"/>), read from its start as often as needed.
/// </summary>
internal interface IReopenableText
{
    /// <summary>The text, from its start; each call gives a reader of its own.</summary>
    /// <exception cref="IOException">It cannot be read.</exception>
    TextReader Open();
}
