using System.Runtime.InteropServices;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;
using Microsoft.Win32.SafeHandles;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Text a reader extracts (a large PDF's pages, a large HTML page's text) or a long run of Chinese characters carried across windows, written to a temporary file as it comes, instead of held
/// in memory, and read back from its start as often as needed (<see cref="Open"/>). On Unix the file's
/// name is removed at once (its space is freed when the text is disposed, <see cref="Document.ReturnText"/>,
/// or the process ends); elsewhere the file is deleted when the text is disposed. A temporary folder that
/// cannot be used (missing, not writable, full) is reported as such (<see cref="InputException"/>), not as a fault of the document.
/// </summary>
internal sealed class SpooledText : IReopenableText, IDisposable
{
    private readonly FileStream _file;
    private readonly string _folder;
    private readonly string _document;

    // Characters not yet written: the file itself is unbuffered, so that a write that failed (a full disk) is not tried again when it is closed.
    private readonly char[] _pending = new char[1 << 15];
    private int _pendingLength;

    /// <summary>Creates an empty text in a new temporary file in <paramref name="folder"/> (null: the system's temporary folder), for the document <paramref name="document"/>.</summary>
    /// <exception cref="InputException">The temporary file cannot be created: the message names the folder and says how to choose another.</exception>
    public SpooledText(string? folder, string document)
    {
        _folder = folder ?? Path.GetTempPath();
        _document = document;
        var path = Path.Combine(_folder, $"cpnlp-text-{Guid.NewGuid():N}.tmp");
        var unix = !OperatingSystem.IsWindows();
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 0,
            Options = unix ? FileOptions.None : FileOptions.DeleteOnClose,
        };
        if (unix)
        {
            // Readable by its owner only, for the moment its name exists (a shared /tmp on a cluster node).
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            _file = new FileStream(path, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CannotUse(e, Use.Creating);
        }

        if (unix)
        {
            // The open handle keeps the text: no name is left behind, whatever happens to the process.
            File.Delete(path);
        }
    }

    /// <summary>A text written to <paramref name="file"/>, already open (tests give one that fails as a full disk does, <c>/dev/full</c>).</summary>
    internal SpooledText(FileStream file, string folder, string document)
    {
        _file = file;
        _folder = folder;
        _document = document;
    }

    /// <summary>The characters written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Adds <paramref name="text"/> at the end.</summary>
    /// <exception cref="InputException">The temporary file cannot be written (the disk is full): the message names the folder and says what to do.</exception>
    public void Append(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var n = Math.Min(text.Length, _pending.Length - _pendingLength);
            text[..n].CopyTo(_pending.AsSpan(_pendingLength));
            _pendingLength += n;
            Length += n;
            text = text[n..];
            if (_pendingLength == _pending.Length)
            {
                WritePending();
            }
        }
    }

    /// <summary>What was done with the temporary file when it failed.</summary>
    private enum Use
    {
        Creating,
        Writing,
        Reading,
    }

    /// <summary>
    /// The error for a temporary file that cannot be created, written or read back: a run-time condition of the
    /// temporary folder, not of the document, so it says which folder and how to give the run another.
    /// </summary>
    private InputException CannotUse(Exception e, Use use)
    {
        var variable = OperatingSystem.IsWindows() ? "TMP" : "TMPDIR";
        var folder = Path.TrimEndingDirectorySeparator(_folder);
        if (FileSystemError.IsNoSpace(e))
        {
            return new InputException($"the temporary folder {folder} ran out of space while the document's text was written there (text this large, from a PDF, an HTML page or a run of Chinese characters without punctuation, is not held in memory; {e.Message}).",
                _document, fix: $"Free some space there, or set the {variable} environment variable to a folder on a disk with more free space, then run again.", inner: e);
        }

        if (use == Use.Reading)
        {
            return new InputException($"cannot read the document's text back from its temporary file in the temporary folder {folder} ({e.Message}); text this large (a PDF, an HTML page, a run of Chinese characters without punctuation) is written there instead of held in memory; the input file is not at fault.",
                _document, fix: $"Check that folder's disk (the system log, dmesg, may name the error) and that nothing else removes or truncates files there, or set the {variable} environment variable to a folder on another disk, then run again.", inner: e);
        }

        var why = use == Use.Creating ? $"cannot create a temporary file for the document's text in the temporary folder {folder}" : $"cannot write the document's text to its temporary file in {folder}";
        return new InputException($"{why} ({FileSystemError.Describe(e, _folder)}); text this large (a PDF, an HTML page, a run of Chinese characters without punctuation) is written there instead of held in memory, so every such document is skipped until the folder can be used.",
            _document, fix: $"Make sure the folder exists and you may write to it, or set the {variable} environment variable to one that does, then run again.", inner: e);
    }

    private void WritePending()
    {
        try
        {
            _file.Write(MemoryMarshal.AsBytes(_pending.AsSpan(0, _pendingLength)));
        }
        catch (IOException e)
        {
            throw CannotUse(e, Use.Writing);
        }
        finally
        {
            _pendingLength = 0;
        }
    }

    /// <inheritdoc />
    public TextReader Open()
    {
        ObjectDisposedException.ThrowIf(!_file.CanRead, this);
        if (_pendingLength > 0)
        {
            WritePending();
        }

        return new Reader(this, Length * sizeof(char));
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    /// <summary>Reads the characters back from the file (UTF-16 as written), from its start; a failure is the temporary folder's (<see cref="CannotUse"/>).</summary>
    private sealed class Reader(SpooledText text, long bytes) : TextReader
    {
        private readonly SafeFileHandle _handle = text._file.SafeFileHandle;
        private long _at;

        public override int Read(Span<char> buffer)
        {
            var want = (int)Math.Min((long)buffer.Length * sizeof(char), bytes - _at);
            if (want <= 0)
            {
                return 0;
            }

            var target = MemoryMarshal.AsBytes(buffer)[..want];
            var read = 0;
            try
            {
                while (read < want)
                {
                    var n = RandomAccess.Read(_handle, target[read..], _at + read);
                    if (n == 0)
                    {
                        throw new IOException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"it ends at byte {_at + read:N0}, but {bytes:N0} were written to it"));
                    }

                    read += n;
                }
            }
            catch (IOException e)
            {
                throw text.CannotUse(e, Use.Reading);
            }

            _at += read;
            return read / sizeof(char);
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 0 ? -1 : one[0];
        }
    }
}
