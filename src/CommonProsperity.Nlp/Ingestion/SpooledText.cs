using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Text a reader extracts (a large PDF's pages) written to a temporary file as it comes, instead of held
/// in memory, and read back from its start as often as needed (<see cref="Open"/>). On Unix the file's
/// name is removed at once (its space is freed when the text is disposed, <see cref="Document.ReturnText"/>,
/// or the process ends); elsewhere the file is deleted when the text is disposed.
/// </summary>
internal sealed class SpooledText : IReopenableText, IDisposable
{
    private readonly FileStream _file;

    /// <summary>Creates an empty text in a new temporary file.</summary>
    /// <exception cref="IOException">The temporary file cannot be created.</exception>
    public SpooledText()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cpnlp-text-{Guid.NewGuid():N}.tmp");
        var unix = !OperatingSystem.IsWindows();
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = unix ? FileOptions.None : FileOptions.DeleteOnClose,
        };
        if (unix)
        {
            // Readable by its owner only, for the moment its name exists (a shared /tmp on a cluster node).
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        _file = new FileStream(path, options);
        if (unix)
        {
            // The open handle keeps the text: no name is left behind, whatever happens to the process.
            File.Delete(path);
        }
    }

    /// <summary>The characters written so far.</summary>
    public long Length { get; private set; }

    /// <summary>Adds <paramref name="text"/> at the end.</summary>
    /// <exception cref="IOException">The temporary file cannot be written (the disk is full).</exception>
    public void Append(ReadOnlySpan<char> text)
    {
        _file.Write(MemoryMarshal.AsBytes(text));
        Length += text.Length;
    }

    /// <inheritdoc />
    public TextReader Open()
    {
        _file.Flush();
        return new Reader(_file.SafeFileHandle, Length * sizeof(char));
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    /// <summary>Reads the characters back from the file (UTF-16 as written), from its start.</summary>
    private sealed class Reader(SafeFileHandle handle, long bytes) : TextReader
    {
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
            while (read < want)
            {
                var n = RandomAccess.Read(handle, target[read..], _at + read);
                if (n == 0)
                {
                    throw new IOException("the temporary file of a document's text ended early.");
                }

                read += n;
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
