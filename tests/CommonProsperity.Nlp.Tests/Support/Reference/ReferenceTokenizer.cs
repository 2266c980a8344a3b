using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

using CommonProsperity.Nlp.Tokenization;

namespace CommonProsperity.Nlp.Tests.Support.Reference;

/// <summary>
/// The tokenizer of the counting rules as first written (commit ed99fbb), kept as the oracle for the
/// optimised <see cref="CountingTokenizer"/>; changed only to add the rule on invisible characters
/// (soft hyphens and zero-width characters inside a word are skipped, issue 9).
/// The tokenizer of the counting rules, written to read like docs/counting-rules.md:
/// <list type="number">
/// <item>A word token is a maximal run of Unicode letters, marks and decimal digits, except Han ideographs.</item>
/// <item>An apostrophe (<c>'</c> or <c>’</c>) between two letters belongs to the word.</item>
/// <item>Each Han ideograph is a token by itself.</item>
/// <item>Everything else separates tokens.</item>
/// <item>A hyphen directly followed by a line break, with a lower-case letter before it and a lower-case
/// letter starting the next line (spaces or tabs may indent that line), joins the two parts into one token.</item>
/// </list>
/// Keys are lower-cased with the invariant culture and <c>’</c> becomes <c>'</c>. The same rules split
/// lexicon terms, so a term and a text always agree on what a token is. The class is stateless and
/// thread-safe; the hot path is one pass over the characters with no allocation per token.
/// </summary>
internal sealed class ReferenceTokenizer
{
    /// <summary>The one instance; the tokenizer has no options, because the rules are a contract.</summary>
    public static ReferenceTokenizer Instance { get; } = new();

    private ReferenceTokenizer()
    {
    }

    /// <summary>Tokenizes <paramref name="text"/> into a fresh list (convenient; not for the hot path).</summary>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new ReferenceTokens();
        Tokenize(text, buffer);
        return buffer.ToList();
    }

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="buffer"/>, replacing what it held.</summary>
    public void Tokenize(ReadOnlySpan<char> text, ReferenceTokens buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Clear();
        var gapIsPhraseGap = false; // nothing before the first token
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (IsAsciiWord(c))
                {
                    i = ReadWord(text, i, buffer, gapIsPhraseGap);
                    gapIsPhraseGap = true;
                    continue;
                }

                gapIsPhraseGap &= CharClass.IsPhraseGap(c);
                i++;
                continue;
            }

            var cp = CharClass.CodePointAt(text, i, out var width);
            if (CharClass.IsHan(cp))
            {
                buffer.Begin(i, gapIsPhraseGap);
                if (width == 1)
                {
                    buffer.AppendKey(c);
                }
                else
                {
                    buffer.AppendKey(c);
                    buffer.AppendKey(text[i + 1]);
                }

                buffer.Finish(i + width);
                i += width;
                gapIsPhraseGap = true;
                continue;
            }

            if (CharClass.IsWordCategory(CharClass.Category(cp)))
            {
                i = ReadWord(text, i, buffer, gapIsPhraseGap);
                gapIsPhraseGap = true;
                continue;
            }

            gapIsPhraseGap &= CharClass.IsPhraseGap(c) || IsInvisible(c);
            i += width;
        }
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiWord(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9;

    /// <summary>Reads one word token starting at <paramref name="start"/>; returns the index after it.</summary>
    private static int ReadWord(ReadOnlySpan<char> text, int start, ReferenceTokens buffer, bool joinsPrevious)
    {
        buffer.Begin(start, joinsPrevious);
        var i = start;
        var lastWasLetter = false;
        var lastWasLower = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (IsAsciiWord(c))
                {
                    var isDigit = c <= '9';
                    lastWasLetter = !isDigit;
                    lastWasLower = c >= 'a';
                    buffer.AppendKey(isDigit ? c : (char)(c | 0x20));
                    i++;
                    continue;
                }

                if (c == '\'' && lastWasLetter && NextIsLetter(text, i + 1))
                {
                    buffer.AppendKey('\'');
                    lastWasLetter = false;
                    i++;
                    continue;
                }

                if (c == '-' && lastWasLower && TryLineEndHyphen(text, i, out var resume))
                {
                    i = resume;
                    continue;
                }

                break;
            }

            if (CharClass.IsApostrophe(c) && lastWasLetter && NextIsLetter(text, i + 1))
            {
                buffer.AppendKey('\'');
                lastWasLetter = false;
                i++;
                continue;
            }

            if (CharClass.IsHyphen(c) && lastWasLower && TryLineEndHyphen(text, i, out var resumeAt))
            {
                i = resumeAt;
                continue;
            }

            var cp = CharClass.CodePointAt(text, i, out var width);
            if (CharClass.IsHan(cp))
            {
                break;
            }

            var category = CharClass.Category(cp);
            if (!CharClass.IsWordCategory(category))
            {
                var next = i;
                while (next < text.Length && IsInvisible(text[next]))
                {
                    next++;
                }

                if (next > i && next < text.Length && CharClass.CodePointAt(text, next, out _) is var after
                    && !CharClass.IsHan(after) && CharClass.IsWordCategory(CharClass.Category(after)))
                {
                    i = next;
                    continue;
                }

                break;
            }

            lastWasLetter = CharClass.IsLetterCategory(category);
            lastWasLower = category == UnicodeCategory.LowercaseLetter;
            if (width == 1)
            {
                buffer.AppendKey(char.ToLowerInvariant(c));
            }
            else
            {
                AppendRune(buffer, Rune.ToLowerInvariant(new Rune(cp)));
            }

            i += width;
        }

        buffer.Finish(i);
        return i;
    }

    private static void AppendRune(ReferenceTokens buffer, Rune rune)
    {
        if (rune.IsBmp)
        {
            buffer.AppendKey((char)rune.Value);
            return;
        }

        var value = rune.Value - 0x10000;
        buffer.AppendKey((char)(0xD800 + (value >> 10)));
        buffer.AppendKey((char)(0xDC00 + (value & 0x3FF)));
    }

    private static bool NextIsLetter(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return false;
        }

        var cp = CharClass.CodePointAt(text, index, out _);
        return !CharClass.IsHan(cp) && CharClass.IsLetterCategory(CharClass.Category(cp));
    }

    /// <summary>
    /// At a hyphen after a lower-case letter: if a line break follows directly, and the next line
    /// (after any spaces or tabs) starts with a lower-case letter, the word goes on there.
    /// </summary>
    private static bool TryLineEndHyphen(ReadOnlySpan<char> text, int hyphen, out int resume)
    {
        resume = hyphen;
        var i = hyphen + 1;
        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] == '\r')
        {
            i++;
            if (i < text.Length && text[i] == '\n')
            {
                i++;
            }
        }
        else if (text[i] == '\n')
        {
            i++;
        }
        else
        {
            return false;
        }

        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        var cp = CharClass.CodePointAt(text, i, out _);
        if (CharClass.IsHan(cp) || CharClass.Category(cp) != UnicodeCategory.LowercaseLetter)
        {
            return false;
        }

        resume = i;
        return true;
    }
}
