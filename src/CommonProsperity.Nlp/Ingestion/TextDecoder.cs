using System.Globalization;
using System.Text;
using CommonProsperity.Nlp.Errors;
using UtfUnknown;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Detects the encoding of a text file and decodes it, without guessing silently: a byte order mark
/// wins; otherwise the bytes must be valid UTF-8, or UTF-16 by its pattern of zero bytes. Other bytes
/// go to a charset detector (UTF.Unknown, a port of Mozilla's uchardet, which weighs the character
/// frequencies of each legacy encoding): GB18030 (which includes GBK and GB2312) and Big5 are decoded,
/// strictly; Japanese and Korean encodings (Shift-JIS, EUC-JP, EUC-KR, ISO-2022) are refused with a
/// message naming them, so that they are never read as Chinese. When the detector names no Chinese,
/// Japanese or Korean encoding, valid GB18030 with Chinese text in it is still read, unless the bytes
/// are valid Big5 too (then the file is refused as ambiguous). Anything else is refused with a message
/// that says how to re-save the file. <see cref="DecodedText.By"/> says which of these decided. The ladder
/// itself is <see cref="EncodingDecision.Decide"/>, shared with <see cref="StreamedTextFile"/>; this class
/// holds its strict encodings, the detector and the messages.
/// </summary>
internal static class TextDecoder
{
    internal static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    internal static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    internal static readonly Lazy<Encoding> StrictBig5 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("big5", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The detector looks at no more than this many bytes (its verdict settles long before).</summary>
    internal const int DetectorSample = 1 << 20;

    internal const string ByBom = "byte order mark";
    internal const string ByUtf8 = "valid UTF-8";
    internal const string ByUtf16 = "UTF-16 pattern of zero bytes";

    /// <summary>Decodes <paramref name="bytes"/>, naming <paramref name="path"/> in any error.</summary>
    /// <exception cref="InputException">The bytes are binary, or in no encoding the toolkit reads.</exception>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="path">The file, named in any error.</param>
    /// <param name="given">The encoding the user gave, if any.</param>
    /// <param name="html">The file is an HTML page: the encoding its <c>meta</c> element declares is read (<see cref="EncodingDecision.Decide"/>).</param>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string path, GivenEncoding? given = null, bool html = false)
    {
        var decision = Decide(bytes, path, given, html);
        var text = TryDecode(decision.Encoding, bytes[decision.Skip..]) ?? throw decision.Invalid(path);
        return new DecodedText(text, decision.Name, decision.By);
    }

    /// <summary>As <see cref="Decode"/>, into a buffer rented from the pool instead of a string (the caller returns it, <see cref="PooledText.Return"/>).</summary>
    /// <exception cref="InputException">The bytes are binary, or in no encoding the toolkit reads.</exception>
    public static (PooledText Text, string Encoding, string By) DecodePooled(ReadOnlySpan<byte> bytes, string path, GivenEncoding? given = null)
    {
        var decision = Decide(bytes, path, given, html: false);
        var text = PooledText.Decode(decision.Encoding, bytes[decision.Skip..]) ?? throw decision.Invalid(path);
        return (text, decision.Name, decision.By);
    }

    private static EncodingDecision Decide(ReadOnlySpan<byte> bytes, string path, GivenEncoding? given, bool html)
    {
        var facts = new WholeBytes(bytes);
        return EncodingDecision.Decide(ref facts, path, given, html);
    }

    /// <summary>
    /// What the detector's <paramref name="name"/> means: <c>gb18030</c> or <c>big5</c> to decode, null when it
    /// named no Chinese, Japanese or Korean encoding.
    /// </summary>
    /// <exception cref="InputException">It named a Japanese or Korean encoding.</exception>
    internal static string? LegacyEncoding(string? name, string path) => name switch
    {
        "gb18030" or "gb2312" or "gbk" or "hz-gb-2312" or "iso-2022-cn" => "gb18030",
        "big5" => "big5",
        "shift-jis" or "shift_jis" => throw NotChinese(path, "Japanese", "Shift-JIS", "SHIFT_JIS"),
        "euc-jp" or "iso-2022-jp" => throw NotChinese(path, "Japanese", name.ToUpperInvariant(), name.ToUpperInvariant()),
        "euc-kr" or "iso-2022-kr" or "cp949" or "ks_c_5601-1987" =>
            throw NotChinese(path, "Korean", name == "iso-2022-kr" ? "ISO-2022-KR" : "EUC-KR", name == "iso-2022-kr" ? "ISO-2022-KR" : "EUC-KR"),
        _ => null,
    };

    /// <summary>How a file is decided to be GB18030 when the detector named no encoding.</summary>
    internal const string ByChineseGb18030 = "valid GB18030 with Chinese text, not valid Big5 (the detector named no encoding)";

    /// <summary>Runs the charset detector on the start of a file (<see cref="DetectorSample"/> bytes): the encoding's lower-case name and the text of <see cref="DecodedText.By"/>.</summary>
    internal static (string? Name, string By) Detect(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, DetectorSample)].ToArray();
        var detected = CharsetDetector.DetectFromBytes(sample).Detected;
        var name = detected?.EncodingName?.ToLowerInvariant();
        var by = detected is null ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"detector UTF.Unknown: {name}, confidence {detected.Confidence:0.00}");
        return (name, by);
    }

    internal static InputException Ambiguous(string path) =>
        new("the file is valid GB18030 and valid Big5 text, and the encoding detector could not tell which it is.", path,
            fix: "Re-save it as UTF-8 (in an editor: 'Save with encoding UTF-8'; or iconv -f GB18030 -t UTF-8, or -f BIG5 for traditional Chinese).");

    internal static InputException LegacyInvalid(string path, string name) =>
        new($"the file looks like {name} text, but some of its bytes are not valid {name}.", path,
            fix: "Re-save it as UTF-8 in your editor; if it is in another encoding, convert it first, for example with iconv -f ENCODING -t UTF-8.");

    internal static InputException DeclaredInvalid(string path, string declared, string name) =>
        new($"the page declares its encoding as {declared} (its meta charset), but some of its bytes are not valid {name}.", path,
            fix: "Re-save it as UTF-8 in your editor (and correct its meta charset); if it is in another encoding, convert it first, for example with iconv -f ENCODING -t UTF-8.");

    internal static InputException BomInvalid(string path, string name) =>
        new($"the file starts with a {name} byte order mark but is not valid {name}.", path,
            fix: "Re-save it as UTF-8 in your editor.");

    internal static InputException Utf16Invalid(string path) =>
        new("the file looks like UTF-16 text (it has no byte order mark, but its zero bytes fall as in UTF-16), but some of its bytes are not valid UTF-16.", path,
            fix: "Re-save it as UTF-8 in your editor; if it is not UTF-16 text, convert it from its real encoding first, for example with iconv -f ENCODING -t UTF-8.");

    private static string? TryDecode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// UTF-16 text without a byte order mark shows itself by zero bytes at every other position
    /// (ASCII) or by a steady high byte (Chinese); require most even or odd bytes to be zero. For a file of <paramref name="length"/> bytes that starts with <paramref name="bytes"/> (at least its first 64 KiB).</summary>
    internal static string? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes, long length)
    {
        if (length < 4 || length % 2 != 0)
        {
            return null;
        }

        var sample = bytes[..Math.Min(bytes.Length, 1 << 16)];
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            if (sample[i] == 0)
            {
                evenZeros++;
            }

            if (sample[i + 1] == 0)
            {
                oddZeros++;
            }
        }

        var pairs = sample.Length / 2;
        if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05)
        {
            return "utf-16le";
        }

        if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05)
        {
            return "utf-16be";
        }

        return null;
    }

    /// <summary>True when the counts of <see cref="CountChinese"/> over a whole text say it is Chinese.</summary>
    internal static bool LooksChinese(long han, long other) => han > 0 && han >= other * 4;

    /// <summary>Adds the Chinese characters and punctuation of <paramref name="text"/> to <paramref name="han"/>, its other non-ASCII characters to <paramref name="other"/>.</summary>
    internal static void CountChinese(ReadOnlySpan<char> text, ref long han, ref long other)
    {
        foreach (var c in text)
        {
            if (c >= 0x80)
            {
                if (c >= '\u4E00' && c <= '\u9FFF' || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF'))
                {
                    han++;
                }
                else
                {
                    other++;
                }
            }
        }
    }

    internal static InputException Binary(string path) =>
        new("the file holds binary data (zero bytes), not text.", path,
            fix: "Convert it to a text format (.txt, .html, .pdf with a text layer) or remove it from the input folder.");

    internal static InputException NotChinese(string path, string language, string encoding, string iconvName) =>
        new($"the file looks like {language} text in {encoding}, which the toolkit does not read (it is never decoded as Chinese).", path,
            fix: $"If it belongs in the corpus, convert it to UTF-8 (iconv -f {iconvName} -t UTF-8 FILE > FILE.utf8.txt) and read that; otherwise remove it from the input folder.");

    internal static InputException Unknown(string path) =>
        new("the file is not valid UTF-8, UTF-16, GB18030/GBK or Big5 text.", path,
            fix: "Re-save it as UTF-8 (in Excel: 'CSV UTF-8'; in an editor: 'Save with encoding UTF-8').");

    /// <summary>The facts of a file held whole: its bytes answer every question.</summary>
    private readonly ref struct WholeBytes(ReadOnlySpan<byte> bytes) : IEncodingFacts
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public ReadOnlySpan<byte> Head => _bytes;

        public long Length => _bytes.Length;

        public bool IsValidUtf8 => System.Text.Unicode.Utf8.IsValid(_bytes);

        public bool HasZeroByte => _bytes.Contains((byte)0);

        public bool ReadsAsChinese(Encoding encoding)
        {
            if (TryDecode(encoding, _bytes) is not { } text)
            {
                return false;
            }

            long han = 0, other = 0;
            CountChinese(text, ref han, ref other);
            return LooksChinese(han, other);
        }
    }
}
