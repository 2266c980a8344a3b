using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CommonProsperity.Nlp;

/// <summary>
/// The character classes of the counting rules (docs/counting-rules.md): word characters, Han
/// ideographs, hyphens, apostrophes and line breaks. Kept in one place so that the tokenizer, the
/// segmenter and the lexicon reader cannot disagree.
/// </summary>
internal static class CharClass
{
    /// <summary>True for a Han (CJK) ideograph, each of which is a token by itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHan(int codePoint) =>
        (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
        || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
        || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
        || (codePoint >= 0x20000 && codePoint <= 0x323AF);

    /// <summary>True for a letter, a mark or a decimal digit: what word tokens are made of (Han aside).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordCategory(UnicodeCategory category) =>
        category <= UnicodeCategory.DecimalDigitNumber;

    /// <summary>True for a letter of any case or kind (apostrophes join only between letters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetterCategory(UnicodeCategory category) =>
        category <= UnicodeCategory.OtherLetter;

    /// <summary>The hyphens that may stand inside a phrase and that join words broken at a line end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphen(char c) => c == '-' || c == '\u2010' || c == '\u2011' || c == '\u00AD';

    /// <summary>
    /// The invisible characters that may stand inside a word without ending it: the soft hyphen (U+00AD),
    /// zero-width space, non-joiner and joiner (U+200B to U+200D), word joiner (U+2060) and the zero-width
    /// no-break space (U+FEFF). Matching ignores them: inside a word they are left out of its key, between
    /// tokens they neither separate nor join. All are at least U+00AD, which keeps the test off the hot path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsIgnorable(char c) =>
        c >= '\u00AD' && (c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF');

    /// <summary>The apostrophes that belong to a word when they stand between two letters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';

    /// <summary>True for whitespace, line breaks included, or a hyphen: what may stand between the words of a phrase.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPhraseGap(char c) => c == ' ' || IsHyphen(c) || char.IsWhiteSpace(c);

    /// <summary>True for a CJK punctuation mark or full-width form (used by the segmenter and language guess).</summary>
    public static bool IsCjkPunctuation(char c) =>
        (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFF65');

    /// <summary>Reads the code point at <paramref name="index"/>, combining a surrogate pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CodePointAt(ReadOnlySpan<char> text, int index, out int width)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, text[index + 1]);
        }

        width = 1;
        return c;
    }

    /// <summary>The Unicode category of a code point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static UnicodeCategory Category(int codePoint) =>
        codePoint < 0x10000 ? char.GetUnicodeCategory((char)codePoint) : Rune.GetUnicodeCategory(new Rune(codePoint));
}
