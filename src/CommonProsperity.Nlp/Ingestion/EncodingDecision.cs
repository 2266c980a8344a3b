using System.Text;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// A file's encoding, decided once by the ladder of <see cref="TextDecoder"/> (<see cref="Decide"/>) from
/// the facts of a first pass over its bytes, whether the file is then decoded whole or as a stream.
/// </summary>
/// <param name="Encoding">The strict encoding to decode with (it throws on invalid bytes).</param>
/// <param name="Name">The encoding's report name, as <see cref="DecodedText.Encoding"/>.</param>
/// <param name="By">How it was decided, as <see cref="DecodedText.By"/>.</param>
/// <param name="Skip">How many bytes to skip before the text (the byte order mark's).</param>
/// <param name="Invalid">The error to give, for a file, when a strict decode finds invalid bytes.</param>
/// <param name="Verified">True when the first pass already found every byte valid in <paramref name="Encoding"/>, so that a reader that streams need not check them again.</param>
internal sealed record EncodingDecision(Encoding Encoding, string Name, string By, int Skip, Func<string, InputException> Invalid, bool Verified = false)
{
    /// <summary>
    /// The ladder: a byte order mark; valid UTF-8 without zero bytes; the zero bytes of UTF-16; any other
    /// zero byte refuses the file as binary; then, for an HTML page, the Chinese encoding its <c>meta</c> element
    /// declares (<see cref="HtmlCharset"/>; a Japanese or Korean one refuses it as the detector's would, any other is
    /// passed over); then the charset detector on the file's start; then GB18030 when the file reads as Chinese
    /// in it and not also in Big5.
    /// </summary>
    /// <param name="facts">What the first pass knows; passed by reference so that a <c>ref struct</c> over a span can answer.</param>
    /// <param name="path">The file, named in any error.</param>
    /// <param name="given">The encoding the user gave, which replaces every step after the byte order mark; null to detect.</param>
    /// <param name="html">The file is an HTML page, whose own declaration of its encoding is read.</param>
    /// <exception cref="InputException">The file is binary, or in no encoding the toolkit reads.</exception>
    public static EncodingDecision Decide<TFacts>(ref TFacts facts, string path, GivenEncoding? given = null, bool html = false)
        where TFacts : IEncodingFacts, allows ref struct
    {
        var head = facts.Head;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return new(TextDecoder.StrictUtf8, "utf-8-bom", TextDecoder.ByBom, 3, static p => TextDecoder.BomInvalid(p, "UTF-8"));
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new(new UnicodeEncoding(false, false, true), "utf-16le-bom", TextDecoder.ByBom, 2, static p => TextDecoder.BomInvalid(p, "UTF-16"));
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new(new UnicodeEncoding(true, false, true), "utf-16be-bom", TextDecoder.ByBom, 2, static p => TextDecoder.BomInvalid(p, "UTF-16"));
        }

        if (given is not null)
        {
            return given.Decide(facts.HasZeroByte, path);
        }

        if (facts.IsValidUtf8 && !facts.HasZeroByte)
        {
            return new(TextDecoder.StrictUtf8, "utf-8", TextDecoder.ByUtf8, 0, TextDecoder.Unknown, Verified: true);
        }

        if (TextDecoder.GuessUtf16WithoutBom(head, facts.Length) is { } utf16)
        {
            return new(new UnicodeEncoding(utf16 == "utf-16be", false, true), utf16, TextDecoder.ByUtf16, 0, TextDecoder.Utf16Invalid);
        }

        if (facts.HasZeroByte)
        {
            throw TextDecoder.Binary(path);
        }

        if (html && HtmlCharset.Declared(head) is { } declared)
        {
            var byPage = $"the page's meta charset: {declared}";
            switch (TextDecoder.LegacyEncoding(declared, path))
            {
                case "gb18030":
                    return new(TextDecoder.StrictGb18030.Value, "gb18030", byPage, 0, p => TextDecoder.DeclaredInvalid(p, declared, "GB18030"));
                case "big5":
                    return new(TextDecoder.StrictBig5.Value, "big5", byPage, 0, p => TextDecoder.DeclaredInvalid(p, declared, "Big5"));
            }
        }

        var (detected, by) = TextDecoder.Detect(head);
        switch (TextDecoder.LegacyEncoding(detected, path))
        {
            case "gb18030":
                return new(TextDecoder.StrictGb18030.Value, "gb18030", by, 0, static p => TextDecoder.LegacyInvalid(p, "GB18030"));
            case "big5":
                return new(TextDecoder.StrictBig5.Value, "big5", by, 0, static p => TextDecoder.LegacyInvalid(p, "Big5"));
        }

        // The detector named no East Asian encoding: read GB18030 only when it is clearly Chinese and not also Big5.
        if (!facts.ReadsAsChinese(TextDecoder.StrictGb18030.Value))
        {
            throw TextDecoder.Unknown(path);
        }

        if (facts.ReadsAsChinese(TextDecoder.StrictBig5.Value))
        {
            throw TextDecoder.Ambiguous(path);
        }

        return new(TextDecoder.StrictGb18030.Value, "gb18030", TextDecoder.ByChineseGb18030, 0, static p => TextDecoder.LegacyInvalid(p, "GB18030"), Verified: true);
    }
}
