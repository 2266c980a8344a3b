using System.Text;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The per-document rows of a run, kept in a hidden temporary file in the run's staging folder instead of
/// in memory, so that memory does not grow with the number of documents; read back, in order, to write
/// the per-document reports at the end. The file is deleted as soon as it is open (on Unix) or when the
/// spill is disposed.
/// </summary>
internal sealed class DocumentSpill : IDisposable
{
    private static readonly JsonWriterOptions LineOptions = ManifestWriter.JsonOptions with { Indented = false };

    private readonly FileStream _file;
    private readonly Utf8JsonWriter _line;
    private readonly Lock _gate = new();

    /// <summary>Opens the spill in <paramref name="output"/>'s staging folder (a scratch file, never committed as a report).</summary>
    public DocumentSpill(OutputDirectory output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _file = CreateScratch(output.ScratchPath($"documents-{Guid.NewGuid():N}.tmp"));
        _line = new Utf8JsonWriter(_file, LineOptions);
    }

    /// <summary>
    /// Creates a hidden temporary file at <paramref name="path"/>, open for reading and writing, unlinked at
    /// once where the system allows it (so that not even a killed run leaves it behind), else deleted when closed.
    /// </summary>
    /// <exception cref="Errors.OutputException">It cannot be created.</exception>
    internal static FileStream CreateScratch(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvidenceFile.Unwritable(path, e);
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Then it goes when the file is closed (DeleteOnClose).
        }

        return file;
    }

    /// <summary>The documents added so far.</summary>
    public int Count { get; private set; }

    /// <summary>Keeps one document's row.</summary>
    public void Add(DocumentSummary summary)
    {
        _line.Reset();
        DocumentLine.Of(summary).Write(_line);
        _line.Flush();
        _file.WriteByte((byte)'\n');
        Count++;
    }

    /// <summary>
    /// The rows, in the order they were added (each call reads the file again from the start, through a
    /// stream of its own, so that several reports may read them at once once every row is added).
    /// </summary>
    public IEnumerable<DocumentSummary> Read()
    {
        SafeFileHandle owner;
        lock (_gate)
        {
            // Flushing and taking the handle both touch the writing stream: one reader at a time.
            _file.Flush();
            owner = _file.SafeFileHandle;
        }

        // Held open for as long as this reader reads, even if the spill is disposed meanwhile.
        var added = false;
        owner.DangerousAddRef(ref added);
        try
        {
            // A stream of its own over the same open file (reads at its own position), not the writing one's.
            using var stream = new FileStream(new SafeFileHandle(owner.DangerousGetHandle(), ownsHandle: false), FileAccess.Read, bufferSize: 0) { Position = 0 };
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            while (reader.ReadLine() is { } line)
            {
                yield return DocumentLine.Read(line).Summary();
            }
        }
        finally
        {
            if (added)
            {
                owner.DangerousRelease();
            }
        }
    }

    public void Dispose()
    {
        _line.Dispose();
        _file.Dispose();
    }
}
