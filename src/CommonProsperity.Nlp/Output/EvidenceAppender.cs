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

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly Queue<Task> _writes = new();
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private Task _hashed = Task.CompletedTask;
    private long _length;

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
        foreach (var rows in report.TakeEvidence())
        {
            Append(rows);
        }
    }

    /// <summary>Takes over <paramref name="rows"/> and has them written after the rows appended before.</summary>
    private void Append(CsvRowBuffer rows)
    {
        var offset = _length;
        _length += rows.Length;
        var write = Task.Run(() => RandomAccess.Write(_file, rows.Written, offset));
        _hashed = _hashed.ContinueWith(_ => _hash.AppendData(rows.Written), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        var done = Task.WhenAll(write, _hashed);
        _ = done.ContinueWith(_ => rows.Release(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        _writes.Enqueue(done);
        while (_writes.Count > MaxWritesInFlight)
        {
            Wait(_writes.Dequeue());
        }
    }

    /// <summary>Waits for every write; the file is complete when this returns.</summary>
    /// <returns>The file's SHA-256, in lower-case hex.</returns>
    public string Complete()
    {
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
        _file.Dispose();
        _hash.Dispose();
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
