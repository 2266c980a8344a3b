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
    /// <summary>The text in a buffer rented from the pool, for a document of analyze's hot path; null when <see cref="Text"/> holds it.</summary>
    private readonly PooledText? _pooled;

    /// <summary>
    /// A document whose text stays in a pooled buffer (<see cref="PooledText"/>): no string is made for it
    /// unless <see cref="Text"/> is read. Its reader hands the buffer back with <see cref="ReturnText"/>;
    /// copies made with <c>with</c> share the buffer. Equality of such documents is not by text.
    /// </summary>
    internal Document(string id, PooledText text, DocumentMetadata metadata, SourceFile source, string format, string encoding)
        : this(id, (string)null!, metadata, source, format, encoding) => _pooled = text;

    /// <summary>The text of a large plain-text file, or of a large PDF written to a temporary file, read when asked for (<see cref="OpenText"/>); null when it is held.</summary>
    private readonly IReopenableText? _streamed;

    /// <summary>
    /// A document whose text stays in its file (a large plain-text file, <see cref="StreamedTextFile"/>): a
    /// reader that can go through it in pieces does so (<see cref="OpenText"/>); reading <see cref="Text"/>
    /// or <see cref="Content"/> reads it whole into memory.
    /// </summary>
    internal Document(string id, StreamedTextFile text, DocumentMetadata metadata, string format)
        : this(id, (string)null!, metadata, text.File, format, text.EncodingName)
    {
        _streamed = text;
        EncodingBy = text.By;
    }

    /// <summary>
    /// A document whose text a reader wrote to a temporary file (<see cref="SpooledText"/>) instead of holding it,
    /// read as <see cref="Document(string, StreamedTextFile, DocumentMetadata, string)"/>'s is; <see cref="ReturnText"/> deletes the file.
    /// </summary>
    internal Document(string id, SpooledText text, DocumentMetadata metadata, SourceFile source, string format, string encoding)
        : this(id, (string)null!, metadata, source, format, encoding) => _streamed = text;

    /// <summary>The extracted text. A document read by <c>analyze</c> keeps its text in a pooled buffer and makes this string only when it is asked for.</summary>
    public string Text
    {
        get => field ??= _streamed is { } streamed ? ReadWhole(streamed) : new string(_pooled!.Memory.Span);
        init
        {
            field = value;
            _pooled = null;
            _streamed = null;
        }
    } = Text;

    /// <summary>How the encoding was decided (<see cref="DecodedText.By"/>); null when it was not decoded from text (PDF).</summary>
    public string? EncodingBy { get; init; }

    /// <summary>The text without making a string of it: what the analysis reads.</summary>
    /// <exception cref="ObjectDisposedException">Its pooled buffer was returned (<see cref="ReturnText"/>).</exception>
    internal ReadOnlyMemory<char> Content => _pooled is { } pooled ? pooled.Memory : Text.AsMemory();

    /// <summary>Hands a pooled text's buffer back to the pool, or deletes a text's temporary file (nothing for a text held as a string): call it once the document is done with.</summary>
    internal void ReturnText()
    {
        _pooled?.Return();
        (_streamed as IDisposable)?.Dispose();
    }

    /// <summary>
    /// This document with its text in memory when a reader wrote it to a temporary file (<see cref="SpooledText"/>),
    /// whose file is then deleted at once; any other document as it is. For a caller that keeps documents
    /// (a list of them, the library's <see cref="DocumentSource.Read"/>) and would otherwise hold the
    /// temporary file open until the document is collected.
    /// </summary>
    internal Document Held()
    {
        if (_streamed is not SpooledText)
        {
            return this;
        }

        var held = this with { Text = Text };
        ReturnText();
        return held;
    }

    /// <summary>Whether its text stays in its file until it is read (<see cref="OpenText"/>), rather than in memory.</summary>
    internal bool IsStreamed => _streamed is not null;

    /// <summary>The text of a document whose text stays in its file (<see cref="IsStreamed"/>), from its start; each call opens it afresh.</summary>
    /// <exception cref="InvalidOperationException">The text is in memory.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    internal TextReader OpenText() => _streamed is { } streamed ? streamed.Open() : throw new InvalidOperationException("The document's text is in memory.");

    private static string ReadWhole(IReopenableText text)
    {
        using var reader = text.Open();
        return reader.ReadToEnd();
    }

    /// <summary>Whether its text is in a pooled buffer (<see cref="Content"/> without a string) rather than a string.</summary>
    internal bool IsPooled => _pooled is not null;
}
