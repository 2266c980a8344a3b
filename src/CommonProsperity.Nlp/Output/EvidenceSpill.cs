namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The evidence rows of one large document (analysed in windows), kept in a hidden temporary file in the
/// run's staging folder as each window's rows are made, instead of in memory; the report writer copies
/// them into <c>evidence.csv</c> in chunks when the document's turn comes. The file is deleted as soon as
/// it is open (on Unix) or when the spill is disposed.
/// </summary>
internal sealed class EvidenceSpill : IDisposable
{
    /// <summary>
    /// The most bytes handed out at once by <see cref="TakeChunks"/>: the evidence appender keeps up to 16
    /// writes in flight, so 1 MiB chunks hold 16 MiB at most (4 MiB chunks held 64 MiB of a Chinese
    /// document's 1.3 GB of rows while they were copied).
    /// </summary>
    private const int ChunkBytes = 1 << 20;

    private readonly FileStream _file;
    private readonly string _path;

    /// <summary>Opens a spill file at <paramref name="path"/> (a scratch path of the output folder).</summary>
    /// <exception cref="Errors.OutputException">It cannot be created.</exception>
    public EvidenceSpill(string path)
    {
        _path = path;
        _file = DocumentSpill.CreateScratch(path);
    }

    /// <summary>The bytes of rows added.</summary>
    public long Length { get; private set; }

    /// <summary>The rows added.</summary>
    public int Records { get; private set; }

    /// <summary>Appends the rows of <paramref name="rows"/> (which the caller still owns).</summary>
    /// <exception cref="Errors.OutputException">The file cannot be written.</exception>
    public void Add(CsvRowBuffer rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        try
        {
            _file.Write(rows.Written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvidenceFile.Unwritable(_path, e);
        }

        Length += rows.Length;
        Records += rows.Records;
    }

    /// <summary>The rows from the start, in pooled buffers of up to 1 MiB that the taker releases; the spill is disposed after the last.</summary>
    public IEnumerable<CsvRowBuffer> TakeChunks()
    {
        try
        {
            _file.Flush();
            _file.Position = 0;
            for (var left = Length; left > 0;)
            {
                var bytes = (int)Math.Min(left, ChunkBytes);
                yield return CsvRowBuffer.ReadFrom(_file, bytes, 0);
                left -= bytes;
            }
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Closes (and so deletes) the file.</summary>
    public void Dispose() => _file.Dispose();
}
