using System.Text;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Detects the encoding of a text file and decodes it, without guessing silently: a byte order mark
/// wins; otherwise the bytes must be valid UTF-8, or UTF-16 by its pattern of zero bytes, or valid
/// GB18030 (which includes GBK and GB2312) with Chinese text in it. Anything else is refused with a
/// message that says how to re-save the file.
/// </summary>
internal static class TextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);
    private static readonly Lazy<Encoding> StrictGb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>Decodes <paramref name="bytes"/>, naming <paramref name="path"/> in any error.</summary>
    /// <exception cref="InputException">The bytes are binary, or in no encoding the toolkit reads.</exception>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new DecodedText(DecodeStrict(StrictUtf8, bytes[3..], path, "UTF-8"), "utf-8-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(false, false, true), bytes[2..], path, "UTF-16"), "utf-16le-bom");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(true, false, true), bytes[2..], path, "UTF-16"), "utf-16be-bom");
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            if (bytes.IndexOf((byte)0) >= 0)
            {
                var utf16 = GuessUtf16WithoutBom(bytes);
                if (utf16 is not null)
                {
                    return new DecodedText(DecodeStrict(new UnicodeEncoding(utf16 == "utf-16be", false, true), bytes, path, "UTF-16"), utf16);
                }

                throw Binary(path);
            }

            return new DecodedText(StrictUtf8.GetString(bytes), "utf-8");
        }

        var guess = GuessUtf16WithoutBom(bytes);
        if (guess is not null)
        {
            return new DecodedText(DecodeStrict(new UnicodeEncoding(guess == "utf-16be", false, true), bytes, path, "UTF-16"), guess);
        }

        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw Binary(path);
        }

        string text;
        try
        {
            text = StrictGb18030.Value.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Unknown(path);
        }

        if (!LooksChinese(text))
        {
            throw Unknown(path);
        }

        return new DecodedText(text, "gb18030");
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string path, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"the file starts with a {name} byte order mark but is not valid {name}.", path,
                fix: "Re-save it as UTF-8 in your editor.", inner: e);
        }
    }

    /// <summary>
    /// UTF-16 text without a byte order mark shows itself by zero bytes at every other position
    /// (ASCII) or by a steady high byte (Chinese); require most even or odd bytes to be zero.
    /// </summary>
    private static string? GuessUtf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes.Length % 2 != 0)
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

    private static bool LooksChinese(string text)
    {
        int han = 0, other = 0;
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

        return han > 0 && han >= other * 4;
    }

    private static InputException Binary(string path) =>
        new("the file holds binary data (zero bytes), not text.", path,
            fix: "Convert it to a text format (.txt, .html, .pdf with a text layer) or remove it from the input folder.");

    private static InputException Unknown(string path) =>
        new("the file is not valid UTF-8, UTF-16 or GB18030/GBK text.", path,
            fix: "Re-save it as UTF-8 (in Excel: 'CSV UTF-8'; in an editor: 'Save with encoding UTF-8').");
}
