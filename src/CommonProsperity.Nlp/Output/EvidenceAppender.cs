using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Appends documents' evidence rows to <c>evidence.csv</c> in input order, but copies them into the file
/// on the thread pool, each at the offset its turn gives it, and hashes them (SHA-256, for the manifest)
/// in order on the thread pool too. The order of the bytes is fixed on the calling thread; the copying
/// (the kernel's, slow on some file systems, and Chinese evidence is five to six times the size of the
/// text) and the hashing are taken off the one thread that takes results in order, and the file need
/// not be read again to be hashed.
/// </summary>
internal sealed class EvidenceAppender : IDisposable
{
    private const int MaxWritesInFlight = 16;

    /// <summary>The size of the blocks a merge's rows are copied in.</summary>
    private const int BlockBytes = 1 << 20;

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly Queue<Task> _writes = new();
    private IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Task _hashed = Task.CompletedTask;
    private long _length;
    private byte[]? _block;
    private int _blockLength;

    public EvidenceAppender(string path, byte[] preamble)
    {
        ArgumentNullException.ThrowIfNull(preamble);
        _path = path;
        try
        {
            _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            RandomAccess.Write(_file, preamble, 0);
            _hash.AppendData(preamble);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file?.Dispose();
            throw EvidenceFile.Unwritable(path, e);
        }

        _length = preamble.Length;
    }

    /// <summary>Takes over <paramref name="report"/>'s evidence rows and has them written after the rows appended before.</summary>
    public void Append(DocumentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.TakeEvidenceSource() is { } source)
        {
            AppendFrom(source, (int)report.EvidenceBytes);
            return;
        }

        FlushBlock();
        foreach (var rows in report.TakeEvidence())
        {
            Schedule(rows.Length, offset => RandomAccess.Write(_file, rows.Written, offset), () => _hash.AppendData(rows.Written), rows.Release);
        }
    }

    /// <summary>
    /// Copies the next <paramref name="bytes"/> bytes of <paramref name="source"/> (rows still in a shard's
    /// file) into blocks of <see cref="BlockBytes"/>, each written and hashed as one: a merge's rows are
    /// copied as bytes, in large writes, with no buffer per document.
    /// </summary>
    private void AppendFrom(IEvidenceSource source, int bytes)
    {
        while (bytes > 0)
        {
            _block ??= ArrayPool<byte>.Shared.Rent(BlockBytes);
            var take = Math.Min(bytes, _block.Length - _blockLength);
            source.ReadNext(_block.AsSpan(_blockLength, take));
            _blockLength += take;
            bytes -= take;
            if (_blockLength == _block.Length)
            {
                FlushBlock();
            }
        }
    }

    private void FlushBlock()
    {
        if (_block is not { } block)
        {
            return;
        }

        var length = _blockLength;
        _block = null;
        _blockLength = 0;
        Schedule(length, offset => RandomAccess.Write(_file, block.AsSpan(0, length), offset), () => _hash.AppendData(block, 0, length), () => ArrayPool<byte>.Shared.Return(block));
    }

    /// <summary>Fixes the offset of the next <paramref name="length"/> bytes, then writes and hashes them on the thread pool and releases their buffer.</summary>
    private void Schedule(int length, Action<long> write, Action hash, Action release)
    {
        var offset = _length;
        _length += length;
        var written = Task.Run(() => write(offset));
        _hashed = _hashed.ContinueWith(_ => hash(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        var done = Task.WhenAll(written, _hashed);
        _ = done.ContinueWith(_ => release(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _writes.Enqueue(done);
        while (_writes.Count > MaxWritesInFlight)
        {
            Wait(_writes.Dequeue());
        }
    }

    /// <summary>
    /// Opens the file for the rows of the next document, a large one still being analysed, to be written
    /// straight in by its worker (<see cref="EvidenceTurn"/>) while the calling thread waits for it: the
    /// writes in flight are finished first, and the document's rows can be taken back out
    /// (<see cref="IEvidenceTarget.Undo"/>). The rows are written and hashed on the worker, in order.
    /// </summary>
    public IEvidenceTarget OpenDirect()
    {
        FlushBlock();
        while (_writes.Count > 0)
        {
            Wait(_writes.Dequeue());
        }

        _hashed.GetAwaiter().GetResult();
        return new Direct(this, _length, _hash.Clone());
    }

    /// <summary>Waits for every write; the file is complete when this returns.</summary>
    /// <returns>The file's SHA-256, in lower-case hex.</returns>
    public string Complete()
    {
        FlushBlock();
        while (_writes.Count > 0)
        {
            Wait(_writes.Dequeue());
        }

        _file.Dispose();
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    /// <summary>Lets the writes in flight end (their errors no longer matter) and closes the file.</summary>
    public void Dispose()
    {
        foreach (var write in _writes)
        {
            try
            {
                write.Wait();
            }
            catch (AggregateException)
            {
                // The run is failing already; the staged file is deleted.
            }
        }

        _writes.Clear();
        if (_block is { } block)
        {
            ArrayPool<byte>.Shared.Return(block);
            _block = null;
        }

        _file.Dispose();
        _hash.Dispose();
    }

    /// <summary>A document's rows written straight into the file from <paramref name="start"/> on; <paramref name="before"/> is the hash of what came before.</summary>
    private sealed class Direct(EvidenceAppender appender, long start, IncrementalHash before) : IEvidenceTarget
    {
        public void Write(ReadOnlySpan<byte> rows)
        {
            try
            {
                RandomAccess.Write(appender._file, rows, appender._length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw EvidenceFile.Unwritable(appender._path, e);
            }

            appender._hash.AppendData(rows);
            appender._length += rows.Length;
        }

        public void Keep() => before.Dispose();

        public void Undo()
        {
            try
            {
                RandomAccess.SetLength(appender._file, start);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw EvidenceFile.Unwritable(appender._path, e);
            }

            // The document may be read again and its rows written anew (with --dedupe, a document that
            // repeats itself), so the hash of what came before is kept for another Undo.
            appender._length = start;
            appender._hash.Dispose();
            appender._hash = before.Clone();
        }
    }

    private void Wait(Task write)
    {
        try
        {
            write.GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvidenceFile.Unwritable(_path, e);
        }
    }
}
