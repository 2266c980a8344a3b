using System.Buffers;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The evidence rows of one large document (analysed in windows), written once where they can be: as
/// soon as the document's turn comes (<see cref="EvidenceTurn"/>, every earlier document's rows written),
/// straight into the sink's evidence file (<see cref="Attach"/>); until then, into a hidden temporary
/// file in the run's staging folder, created at the first rows that must wait, which is copied into the
/// evidence file at the turn (or, when the turn comes only after the analysis, by the report writer in
/// chunks). The temporary file is deleted as soon as it is open (on Unix) or when it is closed. Rows
/// written straight into the evidence file are removed again if the document is given up
/// (<see cref="Dispose"/> before <see cref="TakeChunks"/>), so that the file never holds a skipped
/// document's rows. Thread-safe: the rows are added on the worker while the turn may come on the writer.
/// </summary>
/// <param name="path">A scratch path of the output folder for the temporary file.</param>
internal sealed class EvidenceSpill(string path) : IDisposable
{
    /// <summary>
    /// The most bytes handed out at once by <see cref="TakeChunks"/> or copied at once by <see cref="Attach"/>:
    /// the evidence appender keeps up to 16 writes in flight, so 1 MiB chunks hold 16 MiB at most.
    /// </summary>
    private const int ChunkBytes = 1 << 20;

    private readonly Lock _gate = new();
    private FileStream? _file;
    private IEvidenceTarget? _target;
    private bool _done;

    /// <summary>The bytes of rows added.</summary>
    public long Length { get; private set; }

    /// <summary>The rows added.</summary>
    public int Records { get; private set; }

    /// <summary>The bytes of rows that went through the temporary file (0 when every row was written straight into the evidence file).</summary>
    public long SpilledBytes { get; private set; }

    /// <summary>Appends the rows of <paramref name="rows"/> (which the caller still owns).</summary>
    /// <exception cref="Errors.OutputException">The rows cannot be written.</exception>
    public void Add(CsvRowBuffer rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        lock (_gate)
        {
            if (_target is { } target)
            {
                target.Write(rows.Written);
            }
            else if (rows.Length > 0)
            {
                _file ??= DocumentSpill.CreateScratch(path);
                try
                {
                    _file.Write(rows.Written);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw EvidenceFile.Unwritable(path, e);
                }

                SpilledBytes += rows.Length;
            }

            Length += rows.Length;
            Records += rows.Records;
        }
    }

    /// <summary>
    /// From now on the rows go straight to <paramref name="target"/>; those in the temporary file are
    /// copied there first and the file is closed. Nothing happens once the rows were taken or given up.
    /// </summary>
    /// <exception cref="Errors.OutputException">The rows cannot be copied.</exception>
    public void Attach(IEvidenceTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            if (_done || _target is not null)
            {
                return;
            }

            if (_file is { } file)
            {
                var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
                try
                {
                    file.Flush();
                    file.Position = 0;
                    for (var left = SpilledBytes; left > 0;)
                    {
                        var bytes = (int)Math.Min(left, chunk.Length);
                        file.ReadExactly(chunk, 0, bytes);
                        target.Write(chunk.AsSpan(0, bytes));
                        left -= bytes;
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw EvidenceFile.Unwritable(path, e);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk);
                }

                file.Dispose();
                _file = null;
            }

            _target = target;
        }
    }

    /// <summary>
    /// The rows that are still to be written, from the start, in pooled buffers of up to 1 MiB that the
    /// taker releases: none when they went straight into the evidence file. The spill is done after the last.
    /// </summary>
    public IEnumerable<CsvRowBuffer> TakeChunks()
    {
        lock (_gate)
        {
            _done = true;
            if (_target is { } target)
            {
                target.Keep();
                _target = null;
                return [];
            }
        }

        return ReadChunks();
    }

    private IEnumerable<CsvRowBuffer> ReadChunks()
    {
        try
        {
            if (_file is not { } file)
            {
                yield break;
            }

            file.Flush();
            file.Position = 0;
            for (var left = Length; left > 0;)
            {
                var bytes = (int)Math.Min(left, ChunkBytes);
                yield return CsvRowBuffer.ReadFrom(file, bytes, 0);
                left -= bytes;
            }
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>Gives the rows up unless they were taken: closes (and so deletes) the temporary file, and removes the rows written straight into the evidence file.</summary>
    /// <exception cref="Errors.OutputException">The evidence file cannot be cut back.</exception>
    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
            _file?.Dispose();
            _file = null;
            if (_target is { } target)
            {
                _target = null;
                target.Undo();
            }
        }
    }
}
