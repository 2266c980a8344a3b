using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// A plain-text file too large to hold whole, read as a stream of characters instead
/// (<see cref="Open"/>), so that memory does not grow with its size. A first pass over its bytes hashes
/// it (SHA-256, for the manifest) and gathers the facts from which <see cref="EncodingDecision.Decide"/>
/// decides its encoding, the one decision <see cref="TextDecoder"/> takes for a file read whole. Encodings other than UTF-8 are checked strictly in a
/// second pass before any character is handed out, so that a file is refused whole or read whole.
/// </summary>
internal sealed class StreamedTextFile : IReopenableText
{
    private const int ChunkBytes = 1 << 20;

    private readonly Encoding _encoding;
    private readonly int _skip;

    /// <summary>The file as first opened: each later opening must find the same file (<see cref="InputFile.OpenRead"/>).</summary>
    private readonly FileStatus _identity;

    private StreamedTextFile(SourceFile file, FileStatus identity, long bytes, string sha256, string encodingName, string by, Encoding encoding, int skip)
    {
        _identity = identity;
        File = file;
        Bytes = bytes;
        Sha256 = sha256;
        EncodingName = encodingName;
        By = by;
        _encoding = encoding;
        _skip = skip;
    }

    /// <summary>The file.</summary>
    public SourceFile File { get; }

    /// <summary>Its size in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Hex SHA-256 of its bytes.</summary>
    public string Sha256 { get; }

    /// <summary>The encoding's report name, as <see cref="DecodedText.Encoding"/>.</summary>
    public string EncodingName { get; }

    /// <summary>How the encoding was decided, as <see cref="DecodedText.By"/>.</summary>
    public string By { get; }

    /// <summary>Reads <paramref name="file"/> once to hash it and decide its encoding.</summary>
    /// <param name="file">The file.</param>
    /// <param name="sha256">Its hash, also when the file cannot be decoded (the manifest lists it then too).</param>
    /// <param name="length">Its size in bytes, likewise.</param>
    /// <param name="cancellationToken">Stops between chunks.</param>
    /// <param name="given">The encoding the user gave instead of detecting it, if any (<see cref="IngestionOptions.Encoding"/>).</param>
    /// <param name="html">The file is an HTML page, whose own declaration of its encoding is read (<see cref="EncodingDecision.Decide"/>).</param>
    /// <exception cref="InputException">The file is binary or in no encoding the toolkit reads (the message of <see cref="TextDecoder"/>).</exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public static StreamedTextFile Inspect(SourceFile file, out string sha256, out long length, CancellationToken cancellationToken, GivenEncoding? given = null, bool html = false)
    {
        ArgumentNullException.ThrowIfNull(file);
        var path = file.RelativePath;
        var prefix = new byte[TextDecoder.DetectorSample];
        var prefixLength = 0;
        length = 0;
        var utf8 = true;
        var zero = false;
        var tail = new byte[4];
        var tailLength = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        FileStatus identity, after;
        using (var stream = InputFile.OpenRead(file.FullPath))
        {
            identity = FileStatus.Of(stream.SafeFileHandle);
            var chunk = new byte[ChunkBytes + 4];
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tail.AsSpan(0, tailLength).CopyTo(chunk);
                var read = stream.ReadAtLeast(chunk.AsSpan(tailLength, ChunkBytes), ChunkBytes, throwOnEndOfStream: false);
                var bytes = chunk.AsSpan(tailLength, read);
                hash.AppendData(bytes);
                var copy = Math.Min(read, prefix.Length - prefixLength);
                bytes[..copy].CopyTo(prefix.AsSpan(prefixLength));
                prefixLength += copy;
                length += read;
                zero |= bytes.Contains((byte)0);
                if (utf8)
                {
                    // UTF-8 checked chunk by chunk: a sequence cut by the chunk's end is carried to the next.
                    var all = chunk.AsSpan(0, tailLength + read);
                    var cut = read == 0 ? all.Length : all.Length - IncompleteTail(all);
                    utf8 = System.Text.Unicode.Utf8.IsValid(all[..cut]);
                    tailLength = utf8 ? all.Length - cut : 0;
                    all[cut..].CopyTo(tail);
                }

                if (read == 0)
                {
                    break;
                }
            }

            after = FileStatus.Of(stream.SafeFileHandle);
        }

        sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (length != identity.Size)
        {
            throw Changed(file, new FileChangedException(string.Create(CultureInfo.InvariantCulture, $"its size went from {identity.Size:N0} to {length:N0} bytes while it was read")));
        }

        if (InputFile.Change(identity, after) is { } changed)
        {
            throw Changed(file, changed); // written to while it was hashed: the hash is of no one version
        }

        var facts = new FirstPass(file, identity, prefix.AsSpan(0, prefixLength), length, utf8 && tailLength == 0, zero, cancellationToken);
        var decision = EncodingDecision.Decide(ref facts, path, given, html);
        if (!decision.Verified && !Scan(file, identity, decision.Encoding, decision.Skip, null, cancellationToken))
        {
            throw decision.Invalid(path);
        }

        return new StreamedTextFile(file, identity, length, sha256, decision.Name, decision.By, decision.Encoding, decision.Skip);
    }

    /// <summary>The file's characters, decoded (without the byte order mark), from the start.</summary>
    /// <exception cref="InputException">
    /// The file is no longer the one first read (replaced; its size, modification or status-change time changed:
    /// <see cref="InputFile.Change"/>); once reading, a byte it cannot decode (it changed in place), or, at its end,
    /// its status changed while it was read.
    /// </exception>
    /// <exception cref="IOException">It cannot be read.</exception>
    public TextReader Open()
    {
        var stream = OpenRead(File, _identity);
        stream.Seek(_skip, SeekOrigin.Begin);
        return new CheckedReader(new StreamReader(stream, _encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: false), this);
    }

    /// <summary>What the first pass saw; whether the file reads as Chinese in an encoding takes a scan of it.</summary>
    private readonly ref struct FirstPass(SourceFile file, FileStatus identity, ReadOnlySpan<byte> head, long length, bool validUtf8, bool zero, CancellationToken cancellationToken)
        : IEncodingFacts
    {
        private readonly ReadOnlySpan<byte> _head = head;

        public ReadOnlySpan<byte> Head => _head;

        public long Length => length;

        public bool IsValidUtf8 => validUtf8;

        public bool HasZeroByte => zero;

        public bool ReadsAsChinese(Encoding encoding)
        {
            long han = 0, other = 0;
            return Scan(file, identity, encoding, 0, chars => TextDecoder.CountChinese(chars, ref han, ref other), cancellationToken)
                && TextDecoder.LooksChinese(han, other);
        }
    }

    /// <summary>Decodes the file strictly from byte <paramref name="skip"/> on, passing the characters to <paramref name="look"/>; false at the first invalid byte.</summary>
    private static bool Scan(SourceFile file, FileStatus identity, Encoding encoding, int skip, SpanAction? look, CancellationToken cancellationToken)
    {
        using var stream = OpenRead(file, identity);
        stream.Seek(skip, SeekOrigin.Begin);
        var decoder = encoding.GetDecoder();
        var bytes = new byte[ChunkBytes];
        var chars = new char[encoding.GetMaxCharCount(ChunkBytes)];
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: read == 0);
                look?.Invoke(chars.AsSpan(0, count));
                if (read == 0)
                {
                    return true;
                }
            }
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>How many bytes at the end of <paramref name="bytes"/> are the start of a UTF-8 sequence that the next bytes would complete.</summary>
    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte: look further back for its lead
            }

            var needs = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needs > back ? back : 0;
        }

        return 0;
    }

    /// <summary>Opens the file again, checked to be the file first read (<see cref="InputFile.OpenRead"/>).</summary>
    private static FileStream OpenRead(SourceFile file, FileStatus identity)
    {
        try
        {
            return InputFile.OpenRead(file.FullPath, identity);
        }
        catch (FileChangedException e)
        {
            throw Changed(file, e);
        }
    }

    private static InputException Changed(SourceFile file, FileChangedException e) =>
        new($"{e.Message}; it was not analysed (the reports count a file as it was when first read, or not at all).", file.RelativePath,
            fix: "Run again once the input folder is stable (not while files in it are being copied, written or replaced).", inner: e);

    /// <summary>
    /// The decoded characters, a byte that cannot be decoded (the file changed in place since its encoding
    /// was decided) reported as an error naming the file, as reading it whole reports it; at the end, the file's
    /// status checked again (<see cref="InputFile.Change"/>), so that an edit made while it was read is seen too.
    /// </summary>
    private sealed class CheckedReader(StreamReader inner, StreamedTextFile text) : TextReader
    {
        private bool _ended;

        public override int Read(Span<char> buffer)
        {
            int read;
            try
            {
                read = inner.Read(buffer);
            }
            catch (DecoderFallbackException e)
            {
                throw Undecodable(e);
            }

            if (read == 0 && !buffer.IsEmpty && !_ended)
            {
                _ended = true;
                if (InputFile.Change(text._identity, FileStatus.Of(((FileStream)inner.BaseStream).SafeFileHandle)) is { } changed)
                {
                    throw Changed(text.File, changed);
                }
            }

            return read;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 0 ? -1 : one[0];
        }

        public override int Peek()
        {
            try
            {
                return inner.Peek();
            }
            catch (DecoderFallbackException e)
            {
                throw Undecodable(e);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private InputException Undecodable(DecoderFallbackException e) =>
            new($"the file is no longer valid {text.EncodingName} text ({e.Message}); it changed since its encoding was decided, and was not analysed.", text.File.RelativePath,
                fix: "Run again once the input folder is stable (not while files in it are being copied, written or replaced).", inner: e);
    }

    private delegate void SpanAction(ReadOnlySpan<char> chars);
}
