using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text.Unicode;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A stretch of text encoded to UTF-8 once, with the byte offset of every character and a running count
/// of the characters that a snippet field must treat specially (whitespace, quotes, commas, surrogates),
/// so that the evidence fields of dense hits are copied instead of encoded one by one. Chinese evidence is
/// several times the text (each of a document's hundreds of matches brings 40 characters each side), and
/// a snippet without a special character is, byte for byte, its characters in UTF-8: the same bytes
/// <see cref="CsvRowBuffer.WriteCollapsedField"/> and <see cref="CsvRowBuffer.WriteField(ReadOnlySpan{char})"/>
/// write (no collapsing, trimming or quoting applies), unless it starts with a character a spreadsheet
/// reads as a formula, which is left to them. Not thread-safe: one per worker thread; the buffers come
/// from the shared array pool and are kept for the next text.
/// </summary>
internal sealed class SnippetBytes
{
    /// <summary>Fewer snippet characters than this many times the stretch: encoding it whole would cost more than it saves.</summary>
    private const int MinCoverage = 1;

    /// <summary>A stretch with more than one special character in this many is prose with spaces: its snippets would not be copied.</summary>
    private const int MaxSpecialShare = 16;

    /// <summary>The longest stretch prepared, in characters (the buffers kept per thread stay under 3 MB).</summary>
    private const int MaxLength = 1 << 18;

    /// <summary>The characters <see cref="EncodeWide"/> takes at once: one 128-bit vector.</summary>
    private const int WideBlock = 8;

    [ThreadStatic]
    private static SnippetBytes? _perThread;

    private byte[] _utf8 = [];
    private int[] _offsets = [];
    private int[] _specials = [];
    private int[] _specialAt = [];
    private int _from;
    private int _to = -1;

    /// <summary>This thread's instance.</summary>
    public static SnippetBytes ForThread => _perThread ??= new SnippetBytes();

    /// <summary>Whether a stretch is prepared (<see cref="Prepare"/> said yes and nothing cleared it since).</summary>
    public bool Ready => _to >= _from;

    /// <summary>
    /// Prepares <paramref name="text"/>[<paramref name="from"/>..<paramref name="to"/>] for snippets totalling about
    /// <paramref name="snippetCharacters"/> characters; says no (and keeps nothing) when that would not pay:
    /// snippets covering less than the stretch, or a stretch of prose whose snippets would mostly hold spaces.
    /// </summary>
    public bool Prepare(ReadOnlySpan<char> text, int from, int to, long snippetCharacters)
    {
        _to = -1;
        var length = to - from;
        if (length <= 0 || length > MaxLength || snippetCharacters < (long)length * MinCoverage)
        {
            return false;
        }

        var stretch = text[from..to];
        Grow(ref _utf8, (length * 3) + 1);
        Grow(ref _offsets, length + 1);
        Grow(ref _specials, length + 1);
        Grow(ref _specialAt, (length / MaxSpecialShare) + 3);
        if (!Encode(stretch, _utf8, _offsets, _specials, _specialAt, length / MaxSpecialShare))
        {
            return false;
        }

        _from = from;
        _to = to;
        return true;
    }

    /// <summary>
    /// Writes <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>] (inside the prepared stretch)
    /// as a field of <paramref name="row"/> by copying its bytes, when it has no special character and does not start
    /// as a formula; otherwise writes nothing and says no (the caller encodes it the usual way).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryWrite(CsvRowBuffer row, ReadOnlySpan<char> text, int start, int end)
    {
        if (start < _from || end > _to)
        {
            return false;
        }

        var a = start - _from;
        var b = end - _from;
        if (_specials[a] != _specials[b] || (a < b && text[start] is '=' or '@' or '+' or '-'))
        {
            return false;
        }

        row.WriteEncodedField(_utf8.AsSpan(_offsets[a], _offsets[b] - _offsets[a]));
        return true;
    }

    /// <summary>
    /// Writes the snippet field <see cref="CsvRowBuffer.WriteCollapsedField"/> writes for <paramref name="text"/>[<paramref name="start"/>..<paramref name="end"/>]
    /// (inside the prepared stretch) by copying its bytes: runs of whitespace between them written as one space, one at the start or end
    /// dropped when asked. Says no and writes nothing when the range holds a quote, a comma or a surrogate, or the field would start as a formula
    /// (the caller encodes it the usual way).
    /// </summary>
    public bool TryWriteCollapsed(CsvRowBuffer row, ReadOnlySpan<char> text, int start, int end, bool trimStart, bool trimEnd)
    {
        if (start < _from || end > _to)
        {
            return false;
        }

        var a = start - _from;
        var b = end - _from;
        int first = _specials[a], last = _specials[b];
        if (first == last)
        {
            return TryWrite(row, text, start, end); // nothing to collapse or trim
        }

        for (var k = first; k < last; k++)
        {
            if ((_specialAt[k] & 1) == 0)
            {
                return false; // a quote, a comma or a surrogate
            }
        }

        // The same bytes as WriteCollapsedField's pass: the stretches between whitespace copied, each run of it one space.
        var field = row.StartField(_offsets[b] - _offsets[a]);
        var written = 0;
        var afterSpace = trimStart;
        var from = a;
        var special = first;
        while (special < last)
        {
            var at = _specialAt[special] >> 1;
            if (at > from)
            {
                written += Copy(from, at, field[written..]);
                afterSpace = false;
            }

            do
            {
                special++;
                at++;
            }
            while (special < last && _specialAt[special] >> 1 == at);

            if (!afterSpace)
            {
                field[written++] = (byte)' ';
                afterSpace = true;
            }

            from = at;
        }

        if (b > from)
        {
            written += Copy(from, b, field[written..]);
            afterSpace = false;
        }

        if (trimEnd && afterSpace && written > 0)
        {
            written--;
        }

        if (written > 0 && field[0] is (byte)'=' or (byte)'@' or (byte)'+' or (byte)'-')
        {
            return false; // a formula after a trimmed space: quoted and marked by the encoder
        }

        row.FinishField(written);
        return true;
    }

    /// <summary>Forgets the prepared stretch (the buffers are kept).</summary>
    public void Clear() => _to = -1;

    /// <summary>
    /// Encodes <paramref name="text"/> to UTF-8 (invalid UTF-16 as U+FFFD, as <see cref="Utf8.FromUtf16(ReadOnlySpan{char}, Span{byte}, out int, out int, bool, bool)"/>
    /// does) and fills each character's byte offset and the number of special characters before it, in one pass;
    /// false as soon as there are more than <paramref name="maxSpecials"/> of them. <paramref name="specialAt"/> gets
    /// the index of each special character, shifted left by one, with 1 in the low bit for whitespace.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Encode(ReadOnlySpan<char> text, byte[] utf8, int[] offsets, int[] specials, int[] specialAt, int maxSpecials)
    {
        var offset = 0;
        var count = 0;
        var wideFrom = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Chinese text: eight characters at a time while they are all three bytes long and not special; after a
            // block that is not, one at a time up to the first that is not.
            if (i >= wideFrom && i <= text.Length - WideBlock && Ssse3.IsSupported)
            {
                var stop = EncodeWide(text.Slice(i, WideBlock), utf8.AsSpan(offset, 3 * WideBlock), offsets.AsSpan(i, WideBlock), specials.AsSpan(i, WideBlock), offset, count);
                if (stop < 0)
                {
                    offset += 3 * WideBlock;
                    i += WideBlock - 1;
                    continue;
                }

                wideFrom = i + stop + 1;
            }

            offsets[i] = offset;
            specials[i] = count;
            var c = text[i];
            if (c < 0x80)
            {
                utf8[offset++] = (byte)c;
                if (EvidenceContext.IsWhiteSpace(c))
                {
                    specialAt[count++] = (i << 1) | 1;
                }
                else if (c is '"' or ',')
                {
                    specialAt[count++] = i << 1;
                }
            }
            else if (c < 0x800)
            {
                utf8[offset++] = (byte)(0xC0 | (c >> 6));
                utf8[offset++] = (byte)(0x80 | (c & 0x3F));
                if (EvidenceContext.IsWhiteSpace(c))
                {
                    specialAt[count++] = (i << 1) | 1;
                }
            }
            else if (!char.IsSurrogate(c))
            {
                utf8[offset++] = (byte)(0xE0 | (c >> 12));
                utf8[offset++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                utf8[offset++] = (byte)(0x80 | (c & 0x3F));
                if (EvidenceContext.IsWhiteSpace(c))
                {
                    specialAt[count++] = (i << 1) | 1;
                }
            }
            else
            {
                // A pair is four bytes, a lone half U+FFFD's three; either is special, so no copied snippet starts,
                // ends or lies across one.
                specialAt[count++] = i << 1;
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                    utf8[offset] = (byte)(0xF0 | (codePoint >> 18));
                    utf8[offset + 1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                    utf8[offset + 2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    utf8[offset + 3] = (byte)(0x80 | (codePoint & 0x3F));
                    offsets[i + 1] = offset + 2;
                    specials[i + 1] = count;
                    offset += 4;
                    specialAt[count++] = (i + 1) << 1;
                    i++;
                }
                else
                {
                    utf8[offset++] = 0xEF;
                    utf8[offset++] = 0xBF;
                    utf8[offset++] = 0xBD;
                }
            }

            if (count > maxSpecials)
            {
                return false;
            }
        }

        offsets[text.Length] = offset;
        specials[text.Length] = count;
        return true;
    }

    /// <summary>
    /// Encodes <paramref name="block"/> (<see cref="WideBlock"/> characters) into <paramref name="utf8"/> and fills their offsets
    /// (from <paramref name="offset"/>) and special counts (all <paramref name="count"/>) when every one is from U+3001 to U+FFFF
    /// and not a surrogate: three bytes each, none special (the last whitespace is U+3000). Returns -1 then; otherwise writes
    /// nothing and returns the index of the first that is not so.
    /// </summary>
    private static int EncodeWide(ReadOnlySpan<char> block, Span<byte> utf8, Span<int> offsets, Span<int> specials, int offset, int count)
    {
        var chars = Vector128.Create(MemoryMarshal.Cast<char, ushort>(block));
        var wide = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)0x3001), Vector128.Create((ushort)(0xD7FF - 0x3001)))
            | Vector128.GreaterThanOrEqual(chars, Vector128.Create((ushort)0xE000));
        var bits = wide.ExtractMostSignificantBits();
        if (bits != 0xFF)
        {
            return BitOperations.TrailingZeroCount(~bits);
        }

        // The three bytes of each character as three vectors, then interleaved: lead bytes and second bytes in one, third bytes in another.
        var leads = (chars >> 12) | Vector128.Create((ushort)0xE0);
        var seconds = ((chars >> 6) & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);
        var thirds = (chars & Vector128.Create((ushort)0x3F)) | Vector128.Create((ushort)0x80);
        var firstTwo = Vector128.Narrow(leads, seconds);
        var third = Vector128.Narrow(thirds, thirds);
        const byte None = 0x80;
        var low = Ssse3.Shuffle(firstTwo, Vector128.Create((byte)0, 8, None, 1, 9, None, 2, 10, None, 3, 11, None, 4, 12, None, 5))
            | Ssse3.Shuffle(third, Vector128.Create(None, None, 0, None, None, 1, None, None, 2, None, None, 3, None, None, 4, None));
        var high = Ssse3.Shuffle(firstTwo, Vector128.Create((byte)13, None, 6, 14, None, 7, 15, None, None, None, None, None, None, None, None, None))
            | Ssse3.Shuffle(third, Vector128.Create(None, (byte)5, None, None, 6, None, None, 7, None, None, None, None, None, None, None, None));
        low.CopyTo(utf8);
        MemoryMarshal.Write(utf8[16..], high.AsUInt64().ToScalar());
        var start = Vector128.Create(offset);
        (start + Vector128.Create(0, 3, 6, 9)).CopyTo(offsets);
        (start + Vector128.Create(12, 15, 18, 21)).CopyTo(offsets[4..]);
        Vector128.Create(count).CopyTo(specials);
        Vector128.Create(count).CopyTo(specials[4..]);
        return -1;
    }

    /// <summary>Copies the bytes of the prepared stretch's characters <paramref name="from"/> to <paramref name="to"/> (relative) to <paramref name="destination"/>.</summary>
    private int Copy(int from, int to, Span<byte> destination)
    {
        var bytes = _utf8.AsSpan(_offsets[from], _offsets[to] - _offsets[from]);
        bytes.CopyTo(destination);
        return bytes.Length;
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length >= length)
        {
            return;
        }

        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = ArrayPool<T>.Shared.Rent(length);
    }
}
