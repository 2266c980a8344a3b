using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>How inputs are found and read.</summary>
/// <param name="TextColumn">For <c>.csv</c> inputs: the column holding each document's text.</param>
/// <param name="IdColumn">For <c>.csv</c> inputs: the column holding each document's id (row numbers when absent).</param>
/// <param name="ExcludeDirectories">Folders (or files) never to read: a run's own output.</param>
/// <param name="MaxFileBytes">
/// Files larger than this are skipped with a message to split them (default <see cref="DefaultMaxFileBytes"/>).
/// </param>
/// <param name="FollowSymlinks">
/// Follow symbolic links that lead out of the input folders (by default they are skipped, with a
/// message). Devices, named pipes, sockets and loops are refused either way.
/// </param>
public sealed record IngestionOptions(
    string TextColumn = "text",
    string? IdColumn = null,
    IReadOnlyList<string>? ExcludeDirectories = null,
    long MaxFileBytes = IngestionOptions.DefaultMaxFileBytes,
    bool FollowSymlinks = false)
{
    /// <summary>
    /// 256 MiB. A file is analysed whole, at 14 to 30 bytes of memory per byte (its bytes, its text in
    /// UTF-16, its tokens and matches), so a file of this size peaks at 6 to 8 GB (measured); a file of
    /// 1 GiB cannot be analysed at all (its text is longer than the longest string .NET can hold).
    /// <c>analyze</c> reads a plain-text file larger than 4 MiB as a stream instead, in windows, and does not hold it to this limit.
    /// </summary>
    public const long DefaultMaxFileBytes = 256L << 20;

    /// <summary>
    /// CSV files larger than this (default 4 MiB) are not held whole: their rows are parsed as the file streams in,
    /// one document at a time (the same documents; tests lower it to compare the two readings).
    /// </summary>
    internal long StreamedFileBytes { get; init; } = 4 << 20;

    /// <summary>
    /// How many characters of an HTML page are parsed at a time, at least (<see cref="HtmlTextExtractor.ChunkChars"/>;
    /// tests lower it to cut pages everywhere the cut rule allows).
    /// </summary>
    internal int HtmlChunkChars { get; init; } = HtmlTextExtractor.ChunkChars;

    /// <summary>
    /// Where a large PDF's text is written while it is read (<see cref="SpooledText"/>): null for the system's
    /// temporary folder (<c>TMPDIR</c>, <see cref="Path.GetTempPath"/>), which is what users change; tests give a folder of their own.
    /// </summary>
    internal string? TemporaryFolder { get; init; }

    /// <summary>
    /// The encoding of every text input (<c>.txt</c>, <c>.md</c>, <c>.csv</c>, <c>.html</c>) without a byte order mark, for
    /// files whose encoding detection guesses wrong: a name or code page .NET knows (<c>gb18030</c>,
    /// <c>big5</c>, <c>utf-8</c>, <c>windows-1252</c>, <c>936</c>, ...); null (the default) to detect each file's.
    /// A file not valid in it is skipped, named.
    /// </summary>
    public string? Encoding { get; init; }

    /// <summary>The encoding <see cref="Encoding"/> names, checked by <see cref="Validate"/>; null when none is given.</summary>
    internal GivenEncoding? GivenEncoding => Encoding is null ? null : Ingestion.GivenEncoding.Parse(Encoding);

    /// <summary>These options with <paramref name="directory"/> added to the folders never read (a run's own output folder).</summary>
    public IngestionOptions Excluding(string directory) => this with { ExcludeDirectories = [.. ExcludeDirectories ?? [], directory] };

    /// <summary>Checks the options, naming the bad value.</summary>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public IngestionOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(TextColumn))
        {
            throw new OptionsException($"{OptionName.TextColumn} is empty.", $"Give the name of the CSV column that holds the text, for example {OptionName.TextColumn} text.");
        }

        if (IdColumn is not null && string.IsNullOrWhiteSpace(IdColumn))
        {
            throw new OptionsException($"{OptionName.IdColumn} is empty.", $"Give a column name or leave the option out.");
        }

        _ = GivenEncoding; // an unknown name is refused here, before any file is read

        if (MaxFileBytes <= 0)
        {
            throw new OptionsException($"the largest file size {MaxFileBytes} is not positive.");
        }

        return this;
    }
}
