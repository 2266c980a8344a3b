using System.Buffers;
using System.Text;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// A document's text decoded into a buffer rented from the shared pool instead of a string of its own
/// (analyze's hot path: <see cref="DocumentSource.Extract"/> with pooled text). The buffer goes back to the
/// pool once, by <see cref="Return"/>, when the document is done; reading it afterwards throws, so that a
/// text that was handed back is never read as if it were still there.
/// </summary>
internal sealed class PooledText
{
    private char[]? _buffer;
    private readonly int _length;

    private PooledText(char[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    /// <summary>The text (valid until <see cref="Return"/>).</summary>
    /// <exception cref="ObjectDisposedException">The buffer was returned.</exception>
    public ReadOnlyMemory<char> Memory =>
        (Volatile.Read(ref _buffer) ?? throw new ObjectDisposedException(nameof(PooledText), "The document's text was read after its buffer went back to the pool.")).AsMemory(0, _length);

    /// <summary>
    /// Decodes <paramref name="bytes"/> with <paramref name="encoding"/> (strict: it throws on invalid bytes)
    /// into a rented buffer; null when the bytes are not valid in that encoding.
    /// </summary>
    public static PooledText? Decode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
        try
        {
            return new PooledText(buffer, encoding.GetChars(bytes, buffer));
        }
        catch (DecoderFallbackException)
        {
            ArrayPool<char>.Shared.Return(buffer);
            return null;
        }
    }

    /// <summary>Hands the buffer back to the pool; later calls do nothing.</summary>
    public void Return()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
