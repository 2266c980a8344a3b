using System.Globalization;
using System.Text;

namespace CommonProsperity.Nlp.Text;

/// <summary>
/// The tokenizer of the counting rules, written to read like docs/counting-rules.md:
/// <list type="number">
/// <item>A word token is a maximal run of Unicode letters, marks and decimal digits, except Han ideographs.</item>
/// <item>An apostrophe (<c>'</c> or <c>’</c>) between two letters belongs to the word.</item>
/// <item>Each Han ideograph is a token by itself.</item>
/// <item>Everything else separates tokens.</item>
/// <item>A hyphen directly followed by a line break, with a lower-case letter before it and a lower-case
/// letter starting the next line (spaces or tabs may indent that line), joins the two parts into one token.
/// Every line-end hyphen between letters is also noted in the buffer, so that the matcher can read it both
/// ways: joined and as a hyphenated compound (rule 4).</item>
/// <item>Soft hyphens and zero-width characters (<see cref="CharClass.IsIgnorable"/>) are ignored: between two
/// word characters they do not end the word and are left out of its key (<c>inequal&amp;shy;ity</c> is
/// <c>inequality</c>); between tokens they neither separate nor join. Offsets still point into the original text.</item>
/// </list>
/// Before all this, each character is folded (<see cref="CharFold"/>: full-width forms, Kangxi radicals and
/// compatibility ideographs, traditional to simplified characters), one character for one, so offsets
/// point into the original text; <see cref="Verbatim"/> skips that step. Keys are lower-cased with the
/// invariant culture and <c>’</c> becomes <c>'</c>. The same rules split lexicon terms, so a term and a
/// text always agree on what a token is. The class is stateless and thread-safe; the hot path is one
/// pass over the characters with no allocation per token.
/// </summary>
public sealed class CountingTokenizer
{
    /// <summary>The tokenizer of the counting rules, characters folded first (the default of every command).</summary>
    public static CountingTokenizer Instance { get; } = new(normalizes: true);

    /// <summary>The same rules on the characters as written, without folding (<c>--no-normalize</c>).</summary>
    public static CountingTokenizer Verbatim { get; } = new(normalizes: false);

    private CountingTokenizer(bool normalizes) => Normalizes = normalizes;

    /// <summary>True when characters are folded before tokenizing; the only choice the rules leave open.</summary>
    public bool Normalizes { get; }

    /// <summary><see cref="Instance"/> when <paramref name="normalize"/> is true, else <see cref="Verbatim"/>.</summary>
    public static CountingTokenizer For(bool normalize) => normalize ? Instance : Verbatim;

    /// <summary>Tokenizes <paramref name="text"/> into a fresh list (convenient; not for the hot path).</summary>
    public IReadOnlyList<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new TokenBuffer();
        Tokenize(text, buffer);
        return buffer.ToList();
    }

    /// <summary>Tokenizes <paramref name="text"/> into <paramref name="buffer"/>, replacing what it held.</summary>
    internal void Tokenize(ReadOnlySpan<char> text, TokenBuffer buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Reset(text.Length);
        if (Normalizes)
        {
            text = CharFold.Apply(text, ref buffer.FoldBuffer);
        }

        var gapIsPhraseGap = false; // nothing before the first token
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                var info = Ascii[c];
                if ((info & AsciiWord) != 0)
                {
                    i = ReadAsciiWord(text, i, info, buffer, gapIsPhraseGap);
                    gapIsPhraseGap = true;
                    continue;
                }

                gapIsPhraseGap &= (info & AsciiPhraseGap) != 0;
                i++;
                continue;
            }

            var cp = CharClass.CodePointAt(text, i, out var width);
            if (CharClass.IsHan(cp))
            {
                var key = buffer.KeySpace;
                key[0] = c;
                if (width == 2)
                {
                    key[1] = text[i + 1];
                }

                buffer.Add(i, i + width, gapIsPhraseGap, width);
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

            // An invisible character between tokens is as if it were not there (rule 6).
            gapIsPhraseGap &= CharClass.IsPhraseGap(c) || CharClass.IsIgnorable(c);
            i += width;
        }
    }

    /// <summary>What the tokenizer needs to know of an ASCII character: its key (lower case) and flags.</summary>
    private const ushort AsciiWord = 0x100, AsciiLetter = 0x200, AsciiLower = 0x400, AsciiPhraseGap = 0x800;

    private static readonly ushort[] Ascii = BuildAsciiTable();

    private static ushort[] BuildAsciiTable()
    {
        var table = new ushort[0x80];
        for (var c = (char)0; c < 0x80; c++)
        {
            if (char.IsAsciiLetter(c))
            {
                table[c] = (ushort)(char.ToLowerInvariant(c) | AsciiWord | AsciiLetter | (char.IsAsciiLetterLower(c) ? AsciiLower : 0));
            }
            else if (char.IsAsciiDigit(c))
            {
                table[c] = (ushort)(c | AsciiWord);
            }
            else if (CharClass.IsPhraseGap(c))
            {
                table[c] = AsciiPhraseGap;
            }
        }

        return table;
    }

    /// <summary>
    /// The common case of <see cref="ReadWord"/>: a word of ASCII letters and digits ended by ASCII
    /// punctuation or space (not an apostrophe or hyphen, which may continue it). Anything else is
    /// left to <see cref="ReadWord"/>, which reads the word again from its start.
    /// </summary>
    private static int ReadAsciiWord(ReadOnlySpan<char> text, int start, ushort info, TokenBuffer buffer, bool joinsPrevious)
    {
        var key = buffer.KeySpace;
        var length = 0;
        var i = start;
        while (true)
        {
            key[length++] = (char)(info & 0x7F);
            if (++i == text.Length)
            {
                break;
            }

            var c = text[i];
            if (c >= 0x80 || c == '\'' || c == '-')
            {
                return ReadWord(text, start, buffer, joinsPrevious);
            }

            info = Ascii[c];
            if ((info & AsciiWord) == 0)
            {
                break;
            }
        }

        buffer.Add(start, i, joinsPrevious, length);
        return i;
    }

    /// <summary>Reads one word token starting at <paramref name="start"/>; returns the index after it.</summary>
    private static int ReadWord(ReadOnlySpan<char> text, int start, TokenBuffer buffer, bool joinsPrevious)
    {
        var key = buffer.KeySpace;
        var length = 0;
        var i = start;
        var lastWasLetter = false;
        var lastWasLower = false;
        var nextAfterBreak = -1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 0x80)
            {
                var info = Ascii[c];
                if ((info & AsciiWord) != 0)
                {
                    key[length++] = (char)(info & 0x7F);
                    lastWasLetter = (info & AsciiLetter) != 0;
                    lastWasLower = (info & AsciiLower) != 0;
                    i++;
                    continue;
                }

                if (c == '\'' && lastWasLetter && NextIsLetter(text, i + 1))
                {
                    key[length++] = '\'';
                    lastWasLetter = false;
                    i++;
                    continue;
                }

                if (c == '-' && lastWasLetter && JoinsAtLineEnd(text, i, lastWasLower, length, buffer, ref nextAfterBreak, out var resume))
                {
                    i = resume;
                    continue;
                }

                break;
            }

            if (CharClass.IsApostrophe(c) && lastWasLetter && NextIsLetter(text, i + 1))
            {
                key[length++] = '\'';
                lastWasLetter = false;
                i++;
                continue;
            }

            if (CharClass.IsHyphen(c) && lastWasLetter)
            {
                if (JoinsAtLineEnd(text, i, lastWasLower, length, buffer, ref nextAfterBreak, out var resumeAt))
                {
                    i = resumeAt;
                    continue;
                }

                if (nextAfterBreak >= 0)
                {
                    break;
                }
            }

            var cp = CharClass.CodePointAt(text, i, out var width);
            if (CharClass.IsHan(cp))
            {
                break;
            }

            var category = CharClass.Category(cp);
            if (!CharClass.IsWordCategory(category))
            {
                if (CharClass.IsIgnorable(c) && WordGoesOnAfterIgnorables(text, i, out var next))
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
                key[length++] = LowerCase.Table[c];
            }
            else
            {
                length += Rune.ToLowerInvariant(new Rune(cp)).EncodeToUtf16(key[length..]);
            }

            i += width;
        }

        buffer.Add(start, i, joinsPrevious, length);
        if (nextAfterBreak >= 0)
        {
            buffer.MarkBreak(nextAfterBreak);
        }

        return i;
    }

    /// <summary>
    /// At an ignorable character inside a word: true when, after it and any others like it, a word
    /// character follows, so the word goes on at <paramref name="next"/> (rule 6).
    /// </summary>
    private static bool WordGoesOnAfterIgnorables(ReadOnlySpan<char> text, int index, out int next)
    {
        next = index;
        while (next < text.Length && CharClass.IsIgnorable(text[next]))
        {
            next++;
        }

        if (next == text.Length)
        {
            return false;
        }

        var cp = CharClass.CodePointAt(text, next, out _);
        return !CharClass.IsHan(cp) && CharClass.IsWordCategory(CharClass.Category(cp));
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
    /// At a hyphen after a letter: true when it is a line-end hyphen between lower-case letters, so the
    /// word goes on at <paramref name="resume"/> (the split is noted in the buffer); at a line-end hyphen
    /// between other letters, false with <paramref name="nextAfterBreak"/> set to where the next word starts.
    /// </summary>
    private static bool JoinsAtLineEnd(ReadOnlySpan<char> text, int hyphen, bool lastWasLower, int keyLength, TokenBuffer buffer, ref int nextAfterBreak, out int resume)
    {
        if (!NextLineStartsWithLetter(text, hyphen, out resume, out var nextIsLower))
        {
            return false;
        }

        if (lastWasLower && nextIsLower)
        {
            buffer.MarkSplit(keyLength, hyphen, resume);
            return true;
        }

        nextAfterBreak = resume;
        return false;
    }

    /// <summary>
    /// At a hyphen after a letter: true if a line break follows directly and the next line (after any
    /// spaces or tabs) starts with a letter (not Han) at <paramref name="resume"/>. Between lower-case
    /// letters the word goes on there (joined); otherwise the hyphen is noted as a line-end hyphen
    /// between tokens. Either way the matcher reads it both ways (counting rule 4).
    /// </summary>
    private static bool NextLineStartsWithLetter(ReadOnlySpan<char> text, int hyphen, out int resume, out bool lower)
    {
        resume = hyphen;
        lower = false;
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
        var category = CharClass.Category(cp);
        if (CharClass.IsHan(cp) || !CharClass.IsLetterCategory(category))
        {
            return false;
        }

        resume = i;
        lower = category == UnicodeCategory.LowercaseLetter;
        return true;
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant(char)"/> for every UTF-16 code unit, looked up instead of asked
    /// of the globalization library each time (built on first use, only for text beyond ASCII).
    /// </summary>
    private static class LowerCase
    {
        public static readonly char[] Table = Build();

        private static char[] Build()
        {
            var table = new char[char.MaxValue + 1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                table[c] = char.ToLowerInvariant((char)c);
            }

            return table;
        }
    }
}
