using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Unicode;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Formats CSV records straight into UTF-8 bytes by the rules of <see cref="CsvReport.Options"/>
/// (RFC 4180 quoting, a leading <c>'</c> and quotes for text a spreadsheet would run as a formula,
/// invariant integers, CRLF, invalid UTF-16 as U+FFFD), byte for byte what CsvHelper writes. It exists
/// for the evidence rows, millions of them in a large run: worker threads format each document's
/// rows here, in parallel, and one thread writes the bytes out in order. The buffer comes from the
/// shared array pool; <see cref="Release"/> gives it back.
/// </summary>
internal sealed class CsvRowBuffer
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=@+-\t\r");

    /// <summary>The last whitespace character (<see cref="char.IsWhiteSpace(char)"/>), U+3000, the ideographic space.</summary>
    private const char LastWhiteSpace = '\u3000';

    /// <summary>The characters <see cref="WritePlainBlock"/> takes at once: one 128-bit vector.</summary>
    private const int PlainBlock = 8;

    /// <summary>
    /// The most bytes one buffer may hold: 1 GiB, one document's evidence rows (a 9 MB line analysed with
    /// 1,000 characters of context each side has 0.9 GB). The buffer doubles as it grows, so it peaks
    /// at one and a half times this while it is copied.
    /// </summary>
    public const int MaxBytes = 1 << 30;

    private readonly int _limit;
    private byte[] _bytes;
    private int _fieldsInRecord;
    private bool _lastFieldEmpty;
    private int _fieldStart;

    /// <summary>Starts an empty buffer with room for about <paramref name="capacity"/> bytes.</summary>
    public CsvRowBuffer(int capacity = 4096)
        : this(capacity, MaxBytes)
    {
    }

    /// <summary>Starts an empty buffer that refuses to grow past <paramref name="limit"/> bytes (<see cref="EvidenceLimitException"/>).</summary>
    internal CsvRowBuffer(int capacity, int limit)
    {
        _limit = limit;
        _bytes = ArrayPool<byte>.Shared.Rent(Math.Clamp(capacity, 256, Math.Max(limit, 256)));
    }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    /// <summary>The number of bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>The number of records ended so far.</summary>
    public int Records { get; private set; }

    /// <summary>One text field encoded on its own (quoted or escaped as needed), for values written many times such as theme ids.</summary>
    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new CsvRowBuffer(text.Length * 3 + 8);
        buffer.WriteField(text);
        var bytes = buffer.Written.ToArray();
        buffer.Release();
        return bytes;
    }

    /// <summary>Reads <paramref name="bytes"/> bytes of rows formatted earlier back from <paramref name="stream"/>.</summary>
    /// <exception cref="EndOfStreamException">The stream ends before them.</exception>
    internal static CsvRowBuffer ReadFrom(Stream stream, int bytes, int records)
    {
        var buffer = new CsvRowBuffer(bytes);
        stream.ReadExactly(buffer._bytes, 0, bytes);
        buffer.Length = bytes;
        buffer.Records = records;
        return buffer;
    }

    /// <summary>Reads <paramref name="bytes"/> bytes of rows formatted earlier (by a shard) back from <paramref name="source"/>.</summary>
    internal static CsvRowBuffer ReadFrom(IEvidenceSource source, int bytes, int records)
    {
        var buffer = new CsvRowBuffer(bytes);
        source.ReadNext(buffer._bytes.AsSpan(0, bytes));
        buffer.Length = bytes;
        buffer.Records = records;
        return buffer;
    }

    /// <summary>Writes a text field.</summary>
    public void WriteField(ReadOnlySpan<char> text)
    {
        // Worst case: every char 3 bytes (a quote doubles to 2), plus separator, quotes and the formula mark.
        Reserve((text.Length * 3L) + 4);
        var span = _bytes.AsSpan(Length);
        var at = Separator(span);
        _lastFieldEmpty = text.IsEmpty;
        var formula = !text.IsEmpty && FormulaStarts.Contains(text[0]);
        if (!formula && text.IndexOfAny(NeedsQuotes) < 0)
        {
            at += Transcode(text, span[at..]);
        }
        else
        {
            span[at++] = (byte)'"';
            if (formula)
            {
                span[at++] = (byte)'\'';
            }

            var rest = text;
            while (true)
            {
                var quote = rest.IndexOf('"');
                at += Transcode(quote < 0 ? rest : rest[..quote], span[at..]);
                if (quote < 0)
                {
                    break;
                }

                span[at++] = (byte)'"';
                span[at++] = (byte)'"';
                rest = rest[(quote + 1)..];
            }

            span[at++] = (byte)'"';
        }

        Advance(at);
    }

    /// <summary>
    /// Writes the field <see cref="WriteField(ReadOnlySpan{char})"/> would write for <paramref name="text"/>
    /// with every run of whitespace (<see cref="char.IsWhiteSpace(char)"/>) as one space, and a space
    /// at the start or end dropped when asked: the evidence snippets, in one pass that collapses,
    /// encodes and decides on quotes at once.
    /// </summary>
    public void WriteCollapsedField(ReadOnlySpan<char> text, bool trimStart, bool trimEnd)
    {
        Reserve((text.Length * 3L) + 5);
        var span = _bytes.AsSpan(Length);
        var quote = Separator(span);
        var at = quote + 1; // room for an opening quote, given back when the field needs none
        var content = at;
        var quoted = false;
        var afterSpace = trimStart;
        var plainFrom = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // English text: eight characters at a time while they are plain ASCII with single spaces; after a
            // block that is not, one character at a time up to the first that is not plain.
            if (i >= plainFrom && i <= text.Length - PlainBlock)
            {
                var stop = WritePlainBlock(text.Slice(i, PlainBlock), span[at..], ref afterSpace, ref quoted);
                if (stop < 0)
                {
                    at += PlainBlock;
                    i += PlainBlock - 1;
                    continue;
                }

                plainFrom = i + stop + 1;
            }

            var c = text[i];
            if (c > LastWhiteSpace)
            {
                // Chinese text: past U+3000 nothing is whitespace, a quote or a comma, so the whole stretch of such
                // characters (surrogates too) is transcoded at once, vectorised, as WriteField would.
                var stretch = text[i..].IndexOfAnyExceptInRange((char)(LastWhiteSpace + 1), char.MaxValue);
                stretch = stretch < 0 ? text.Length - i : stretch;
                at += Transcode(text.Slice(i, stretch), span[at..]);
                afterSpace = false;
                i += stretch - 1;
                continue;
            }

            if (EvidenceContext.IsWhiteSpace(c))
            {
                if (!afterSpace)
                {
                    span[at++] = (byte)' ';
                    afterSpace = true;
                }

                continue;
            }

            afterSpace = false;
            if (c < 0x80)
            {
                if (c == '"')
                {
                    span[at++] = (byte)'"';
                    quoted = true;
                }
                else if (c == ',')
                {
                    quoted = true;
                }

                span[at++] = (byte)c;
            }
            else if (c < 0x800)
            {
                span[at++] = (byte)(0xC0 | (c >> 6));
                span[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                // U+0800 to U+3000: never a surrogate.
                span[at++] = (byte)(0xE0 | (c >> 12));
                span[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                span[at++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        if (trimEnd && afterSpace && at > content)
        {
            at--;
        }

        _lastFieldEmpty = at == content;
        var formula = at > content && span[content] is (byte)'=' or (byte)'@' or (byte)'+' or (byte)'-';
        if (formula)
        {
            span[content..at].CopyTo(span[(content + 1)..]);
            span[content] = (byte)'\'';
            at++;
        }

        if (quoted || formula)
        {
            span[quote] = (byte)'"';
            span[at++] = (byte)'"';
        }
        else
        {
            span[content..at].CopyTo(span[quote..]);
            at--;
        }

        Advance(at);
    }

    /// <summary>
    /// Writes <paramref name="block"/> (<see cref="PlainBlock"/> characters) to <paramref name="destination"/>
    /// as one byte each when every character is printable ASCII other than a quote, and no space follows a
    /// space (or, for the first, <paramref name="afterSpace"/>): then the one-pass loop of
    /// <see cref="WriteCollapsedField"/> would write exactly these bytes (a comma sets <paramref name="quoted"/>).
    /// Returns -1 then; otherwise writes nothing and returns the index of the first character that is not so.
    /// </summary>
    private static int WritePlainBlock(ReadOnlySpan<char> block, Span<byte> destination, ref bool afterSpace, ref bool quoted)
    {
        var chars = Vector128.Create(MemoryMarshal.Cast<char, ushort>(block));
        var outside = Vector128.GreaterThan(chars - Vector128.Create((ushort)' '), Vector128.Create((ushort)('~' - ' ')));
        var special = outside | Vector128.Equals(chars, Vector128.Create((ushort)'"'));
        var spaces = Vector128.Equals(chars, Vector128.Create((ushort)' ')).ExtractMostSignificantBits();
        var stops = special.ExtractMostSignificantBits() | (spaces & ((spaces << 1) | (afterSpace ? 1u : 0u)));
        if (stops != 0)
        {
            return BitOperations.TrailingZeroCount(stops);
        }

        MemoryMarshal.Write(destination, Vector128.Narrow(chars, chars).AsUInt64().ToScalar());
        quoted |= Vector128.EqualsAny(chars, Vector128.Create((ushort)','));
        afterSpace = (spaces >> (PlainBlock - 1)) != 0;
        return -1;
    }

    /// <summary>Writes an integer field (invariant culture; never treated as a formula).</summary>
    public void WriteField(long value)
    {
        Reserve(24);
        var span = _bytes.AsSpan(Length);
        var at = Separator(span);
        value.TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
        _lastFieldEmpty = false;
        Advance(at + written);
    }

    /// <summary>Writes a number field in <paramref name="format"/> (invariant culture; never treated as a formula).</summary>
    public void WriteField(double value, string format)
    {
        // "0.0000" of double.MaxValue has 309 digits before the point.
        Reserve(400);
        var span = _bytes.AsSpan(Length);
        var at = Separator(span);
        value.TryFormat(span[at..], out var written, format, CultureInfo.InvariantCulture);
        _lastFieldEmpty = false;
        Advance(at + written);
    }

    /// <summary>
    /// Writes one record as <see cref="CsvReport.WriteRow"/> writes it with CsvHelper: texts formula-escaped
    /// and quoted as needed, integers invariant, doubles as <see cref="CsvReport.Rate"/>, <see cref="PreciseNumber"/>s
    /// with six significant digits, null as an empty field; byte for byte the same (tested), so that a
    /// report's rows can be formatted on worker threads from the same column declarations.
    /// </summary>
    public void WriteRecord(params ReadOnlySpan<object?> fields)
    {
        foreach (var field in fields)
        {
            switch (field)
            {
                case null: WriteField(string.Empty); break;
                case string s: WriteField(s); break;
                case int i: WriteField(i); break;
                case long l: WriteField(l); break;
                case double d: WriteField(d, "0.0000"); break;
                case PreciseNumber p: WriteField(p.Value, "G6"); break;
                default: WriteField(Convert.ToString(field, CultureInfo.InvariantCulture) ?? string.Empty); break;
            }
        }

        EndRecord();
    }

    /// <summary>Writes a field already encoded with <see cref="Encode"/>.</summary>
    public void WriteEncodedField(ReadOnlySpan<byte> field)
    {
        Reserve(field.Length + 1);
        var span = _bytes.AsSpan(Length);
        var at = Separator(span);
        field.CopyTo(span[at..]);
        _lastFieldEmpty = field.IsEmpty;
        Advance(at + field.Length);
    }

    /// <summary>Writes <paramref name="count"/> fields already encoded with <see cref="Encode"/> and joined by commas, as one copy.</summary>
    public void WriteEncodedFields(ReadOnlySpan<byte> fields, int count)
    {
        WriteEncodedField(fields);
        _fieldsInRecord += count - 1;
    }

    /// <summary>
    /// Room for a field of at most <paramref name="maxBytes"/> bytes the caller encodes itself (as <see cref="WriteEncodedField"/> takes them)
    /// straight into the span returned; the field counts once <see cref="FinishField"/> says how long it is, and until then nothing is written.
    /// </summary>
    internal Span<byte> StartField(int maxBytes)
    {
        Reserve(maxBytes + 1L);
        var span = _bytes.AsSpan(Length);
        _fieldStart = Separator(span);
        return span.Slice(_fieldStart, maxBytes);
    }

    /// <summary>Ends the field begun with <see cref="StartField"/>, of <paramref name="bytes"/> bytes.</summary>
    internal void FinishField(int bytes)
    {
        _lastFieldEmpty = bytes == 0;
        Advance(_fieldStart + bytes);
    }

    /// <summary>Ends the record with CRLF (a record of one empty field is written <c>""</c>, so it does not read as an empty line).</summary>
    public void EndRecord()
    {
        Reserve(4);
        if (_fieldsInRecord == 1 && _lastFieldEmpty)
        {
            _bytes[Length++] = (byte)'"';
            _bytes[Length++] = (byte)'"';
        }

        _bytes[Length++] = (byte)'\r';
        _bytes[Length++] = (byte)'\n';
        _fieldsInRecord = 0;
        Records++;
    }

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear()
    {
        Length = 0;
        Records = 0;
        _fieldsInRecord = 0;
    }

    /// <summary>Gives the buffer back to the pool; the instance must not be used afterwards.</summary>
    public void Release()
    {
        var bytes = _bytes;
        _bytes = [];
        Length = 0;
        if (bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static int Transcode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        Utf8.FromUtf16(text, destination, out _, out var written, replaceInvalidSequences: true);
        return written;
    }

    /// <summary>Writes the comma before every field but a record's first; returns the bytes written.</summary>
    private int Separator(Span<byte> span)
    {
        if (_fieldsInRecord == 0)
        {
            return 0;
        }

        span[0] = (byte)',';
        return 1;
    }

    private void Advance(int written)
    {
        Length += written;
        _fieldsInRecord++;
    }

    /// <summary>
    /// Makes room for <paramref name="bytes"/> more, doubling the buffer (sizes in <see cref="long"/>, so
    /// that a buffer past 1 GiB still doubles instead of growing by one field at a time) up to the limit.
    /// </summary>
    /// <exception cref="EvidenceLimitException">The rows would not fit in the limit.</exception>
    private void Reserve(long bytes)
    {
        var needed = Length + bytes;
        if (needed <= _bytes.Length)
        {
            return;
        }

        if (needed > _limit)
        {
            throw new EvidenceLimitException(_limit);
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(_bytes.Length * 2L, needed), _limit));
        _bytes.AsSpan(0, Length).CopyTo(grown);
        if (_bytes.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_bytes);
        }

        _bytes = grown;
    }
}
