using Microsoft.Win32.SafeHandles;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>
/// Appends documents' evidence rows to <c>evidence.csv</c> in input order, but copies them into the file
/// on the thread pool, each at the offset its turn gives it. The order of the bytes is fixed on the
/// calling thread; only the copying (the kernel's, slow on some file systems, and Chinese evidence is
/// five to six times the size of the text) is taken off the one thread that takes results in order.
/// </summary>
internal sealed class EvidenceAppender : IDisposable
{
    private const int MaxWritesInFlight = 16;

    private readonly string _path;
    private readonly SafeFileHandle _file;
    private readonly Queue<Task> _writes = new();
    private long _length;

    public EvidenceAppender(string path)
    {
        _path = path;
        try
        {
            _file = File.OpenHandle(path, FileMode.Create, FileAccess.Write, FileShare.Read);
            RandomAccess.Write(_file, EvidenceFile.Preamble, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file?.Dispose();
            throw EvidenceFile.Unwritable(path, e);
        }

        _length = EvidenceFile.Preamble.Length;
    }

    /// <summary>Takes over <paramref name="report"/>'s evidence rows and has them written after the rows appended before.</summary>
    public void Append(DocumentReport report)
    {
        var offset = _length;
        _length += report.EvidenceBytes;
        _writes.Enqueue(Task.Run(() => report.WriteEvidenceAt(_file, offset)));
        while (_writes.Count > MaxWritesInFlight)
        {
            Wait(_writes.Dequeue());
        }
    }

    /// <summary>Waits for every write; the file is complete when this returns.</summary>
    public void Complete()
    {
        while (_writes.Count > 0)
        {
            Wait(_writes.Dequeue());
        }

        _file.Dispose();
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
