namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// One document ready for analysis: its id in reports, its extracted text (the text that evidence
/// offsets point into), its metadata and where it came from.
/// </summary>
/// <param name="Id">The id used in reports: the path relative to the input folder with <c>/</c>, or <c>file#id</c> for a CSV row.</param>
/// <param name="Text">The extracted text.</param>
/// <param name="Metadata">Title, date, publisher, language and other metadata.</param>
/// <param name="Source">The input file it came from.</param>
/// <param name="Format">How it was read: <c>txt</c>, <c>md</c>, <c>html</c>, <c>pdf</c>, <c>csv</c>.</param>
/// <param name="Encoding">The detected text encoding (<c>binary</c> for PDF).</param>
public sealed record Document(
    string Id,
    string Text,
    DocumentMetadata Metadata,
    SourceFile Source,
    string Format,
    string Encoding)
{
    /// <summary>How the encoding was decided (<see cref="DecodedText.By"/>); null when it was not decoded from text (PDF).</summary>
    public string? EncodingBy { get; init; }
}
