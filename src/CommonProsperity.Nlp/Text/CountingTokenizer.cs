using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
        // One buffer per thread, taken while in use: a lexicon parses thousands of terms through here at
        // start-up, and a fresh buffer (36 KB) for each came to some 200 MB of allocations.
        var buffer = _listBuffer ?? new TokenBuffer();
        _listBuffer = null;
        Tokenize(text, buffer);
        var tokens = buffer.ToList();
        if (text.Length <= MaxKeptText)
        {
            _listBuffer = buffer;
        }

        return tokens;
    }

    /// <summary>The longest text whose buffer <see cref="Tokenize(string)"/> keeps for the next call (longer ones would stay big).</summary>
    private const int MaxKeptText = 1 << 16;

    [ThreadStatic]
    private static TokenBuffer? _listBuffer;

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
        var blocksFrom = 0; // where to try whole ASCII blocks next
        var misses = 0; // tries in a row that got only a few characters further (short runs of ASCII, as in Chinese): each waits twice as long
        while (i < text.Length)
        {
            if (i >= blocksFrom && text[i] < 0x80 && text.Length - i >= AsciiBlocks.Size && AsciiBlocks.Enabled)
            {
                var stopped = AsciiBlocks.Tokenize(text, i, buffer, ref gapIsPhraseGap);
                misses = stopped - i < AsciiBlocks.Size / 4 ? Math.Min(misses + 1, 6) : 0;
                blocksFrom = stopped + (1 << misses) - 1;
                i = stopped;
                if (i >= text.Length)
                {
                    break;
                }
            }

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
                if (width == 1)
                {
                    buffer.AddCharacter(i, gapIsPhraseGap, c);
                }
                else
                {
                    var key = buffer.KeySpace;
                    key[0] = c;
                    key[1] = text[i + 1];
                    buffer.Add(i, i + width, gapIsPhraseGap, width);
                }

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
    /// The tokenizer over plain ASCII, whole blocks of <see cref="Size"/> characters at a time instead of
    /// character by character: vector compares give each block's masks of word characters (letters and
    /// digits, and an apostrophe between two letters), of phrase breakers (ASCII that is neither a word
    /// character nor a phrase gap) and of characters beyond ASCII; token boundaries are the bit transitions
    /// of the word mask, and a token's key is copied from the text and lower-cased eight characters at a
    /// time. The same tokens as the character loop, which takes over at the first character beyond ASCII,
    /// and which reads a word again from its start (<see cref="ReadWord"/>) when what follows may continue
    /// it in ways the masks do not see: a character beyond ASCII, a hyphen at a line end, an apostrophe at a
    /// block's edge.
    /// </summary>
    private static class AsciiBlocks
    {
        /// <summary>Characters per block (bits of a mask).</summary>
        public const int Size = 32;

        private const int Half = Size / 2;

        /// <summary>Whether the ASCII information separators (U+001C to U+001F) are whitespace, hence phrase gaps.</summary>
        private static readonly bool SeparatorsAreGaps = char.IsWhiteSpace('\u001C');

        /// <summary>True where vectors are fast and the masks below agree with the ASCII table of the rules (checked once; declared after what the check reads).</summary>
        public static readonly bool Enabled = Vector128.IsHardwareAccelerated && AgreesWithTable();

        /// <summary>
        /// Tokenizes <paramref name="text"/> from <paramref name="start"/> (not inside a word) while it is
        /// ASCII and at least a block remains; returns where the character loop goes on, with
        /// <paramref name="gapIsPhraseGap"/> true when a token may join the last one there.
        /// </summary>
        public static int Tokenize(ReadOnlySpan<char> text, int start, TokenBuffer buffer, ref bool gapIsPhraseGap)
        {
            var i = start;
            var tokenStart = -1; // a token that runs on from an earlier block, or -1
            var joins = false; // whether it may continue a phrase begun by the token before
            var joinOk = gapIsPhraseGap; // no phrase breaker since the last token ended
            while (text.Length - i >= Size)
            {
                var word = Classify(text.Slice(i, Size), out var breaker, out var beyondAscii, out var hyphenOrApostrophe);
                var limit = beyondAscii == 0 ? Size : BitOperations.TrailingZeroCount(beyondAscii);
                var valid = Below(limit);
                word &= valid;
                breaker &= valid;
                var transitions = word ^ ((word << 1) | (tokenStart >= 0 ? 1u : 0u));
                var lastEnd = 0;
                var resume = -1;
                while (transitions != 0)
                {
                    var at = BitOperations.TrailingZeroCount(transitions);
                    transitions &= transitions - 1;
                    if (tokenStart < 0)
                    {
                        tokenStart = i + at;
                        joins = joinOk && (breaker & Below(at) & ~Below(lastEnd)) == 0;
                        continue;
                    }

                    var end = i + at;
                    if (at == limit || (((hyphenOrApostrophe >> at) & 1) != 0 && MayContinue(text, end)))
                    {
                        resume = ReadWord(text, tokenStart, buffer, joins);
                        break;
                    }

                    var length = end - tokenStart;
                    LowerCaseKey(text, tokenStart, length, buffer.KeySpace);
                    buffer.Add(tokenStart, end, joins, length);
                    tokenStart = -1;
                    joinOk = true;
                    lastEnd = at;
                }

                if (resume >= 0)
                {
                    i = resume;
                    tokenStart = -1;
                    joinOk = true;
                    continue;
                }

                if (tokenStart < 0)
                {
                    joinOk &= (breaker & ~Below(lastEnd)) == 0;
                    if (limit < Size)
                    {
                        gapIsPhraseGap = joinOk;
                        return i + limit;
                    }
                }

                i += Size;
            }

            if (tokenStart >= 0)
            {
                // A token that runs to the last block's end: the character loop reads it whole.
                gapIsPhraseGap = true;
                return ReadWord(text, tokenStart, buffer, joins);
            }

            gapIsPhraseGap = joinOk;
            return i;
        }

        /// <summary>
        /// At the ASCII character that ends a run of word characters: true when it may still continue the
        /// word by rules the masks leave out (a hyphen before a line break, an apostrophe not followed by
        /// ASCII other than a letter), so that <see cref="ReadWord"/> must decide.
        /// </summary>
        private static bool MayContinue(ReadOnlySpan<char> text, int end)
        {
            var c = text[end];
            if (c != '-' && c != '\'')
            {
                return false;
            }

            if (end + 1 >= text.Length)
            {
                return false;
            }

            var next = text[end + 1];
            return c == '-' ? next is '\n' or '\r' : next >= 0x80 || char.IsAsciiLetter(next);
        }

        /// <summary>The bits below <paramref name="bit"/> (all of them for <see cref="Size"/>).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Below(int bit) => bit >= Size ? uint.MaxValue : (1u << bit) - 1;

        /// <summary>
        /// The masks of one block: returns its word characters; <paramref name="breaker"/>, its phrase
        /// breakers; <paramref name="beyondAscii"/>, its characters beyond ASCII (the other masks mean
        /// nothing from the first of those on); <paramref name="hyphenOrApostrophe"/>, its hyphens and
        /// apostrophes (where a word may go on by rules the masks leave out, <see cref="MayContinue"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Classify(ReadOnlySpan<char> block, out uint breaker, out uint beyondAscii, out uint hyphenOrApostrophe)
        {
            var (letter, word, rawBreaker, rawApostrophe, beyond, hyphen) = Vector256.IsHardwareAccelerated ? ClassifyWhole(block) : ClassifyHalves(block);

            // An apostrophe between two letters belongs to the word (rule 2).
            var apostrophe = rawApostrophe & (letter << 1) & (letter >> 1);
            breaker = rawBreaker & ~apostrophe;
            beyondAscii = beyond;
            hyphenOrApostrophe = hyphen | rawApostrophe;
            return word | apostrophe;
        }

        /// <summary>The raw masks of a block, one vector of 32 bytes (where vectors of 256 bits are fast).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (uint Letter, uint Word, uint Breaker, uint Apostrophe, uint Beyond, uint Hyphen) ClassifyWhole(ReadOnlySpan<char> block)
        {
            var units = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(block);
            var first = Vector256.Create(units[..Half]);
            var second = Vector256.Create(units[Half..]);
            var ascii = Vector256.Create((ushort)0x7F);
            var beyond = Vector256.Narrow(Vector256.GreaterThan(first, ascii), Vector256.GreaterThan(second, ascii));
            var bytes = Vector256.Narrow(first, second);
            var isLetter = Vector256.LessThanOrEqual((bytes | Vector256.Create((byte)0x20)) - Vector256.Create((byte)'a'), Vector256.Create((byte)25));
            var isWord = isLetter | Vector256.LessThanOrEqual(bytes - Vector256.Create((byte)'0'), Vector256.Create((byte)9));
            var isHyphen = Vector256.Equals(bytes, Vector256.Create((byte)'-'));
            var isGap = Vector256.Equals(bytes, Vector256.Create((byte)' '))
                | isHyphen
                | Vector256.LessThanOrEqual(bytes - Vector256.Create((byte)'\t'), Vector256.Create((byte)('\r' - '\t')));
            if (SeparatorsAreGaps)
            {
                isGap |= Vector256.LessThanOrEqual(bytes - Vector256.Create((byte)0x1C), Vector256.Create((byte)3));
            }

            return (isLetter.ExtractMostSignificantBits(),
                isWord.ExtractMostSignificantBits(),
                ~(isWord | isGap).ExtractMostSignificantBits(),
                Vector256.Equals(bytes, Vector256.Create((byte)'\'')).ExtractMostSignificantBits(),
                beyond.ExtractMostSignificantBits(),
                isHyphen.ExtractMostSignificantBits());
        }

        /// <summary>The raw masks of a block, two halves of 16 bytes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (uint Letter, uint Word, uint Breaker, uint Apostrophe, uint Beyond, uint Hyphen) ClassifyHalves(ReadOnlySpan<char> block)
        {
            var (lowLetter, lowWord, lowBreaker, lowApostrophe, lowBeyond, lowHyphen) = ClassifyHalf(block[..Half]);
            var (highLetter, highWord, highBreaker, highApostrophe, highBeyond, highHyphen) = ClassifyHalf(block[Half..]);
            return (lowLetter | (highLetter << Half), lowWord | (highWord << Half), lowBreaker | (highBreaker << Half),
                lowApostrophe | (highApostrophe << Half), lowBeyond | (highBeyond << Half), lowHyphen | (highHyphen << Half));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static (uint Letter, uint Word, uint Breaker, uint Apostrophe, uint Beyond, uint Hyphen) ClassifyHalf(ReadOnlySpan<char> half)
        {
            var units = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(half);
            var first = Vector128.Create(units[..8]);
            var second = Vector128.Create(units[8..]);
            var ascii = Vector128.Create((ushort)0x7F);
            var beyond = Vector128.Narrow(Vector128.GreaterThan(first, ascii), Vector128.GreaterThan(second, ascii));
            var bytes = Vector128.Narrow(first, second);
            var isLetter = Vector128.LessThanOrEqual((bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a'), Vector128.Create((byte)25));
            var isWord = isLetter | Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)9));
            var isHyphen = Vector128.Equals(bytes, Vector128.Create((byte)'-'));
            var isGap = Vector128.Equals(bytes, Vector128.Create((byte)' '))
                | isHyphen
                | Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)'\t'), Vector128.Create((byte)('\r' - '\t')));
            if (SeparatorsAreGaps)
            {
                isGap |= Vector128.LessThanOrEqual(bytes - Vector128.Create((byte)0x1C), Vector128.Create((byte)3));
            }

            return (isLetter.ExtractMostSignificantBits(),
                isWord.ExtractMostSignificantBits(),
                ~(isWord | isGap).ExtractMostSignificantBits() & 0xFFFF,
                Vector128.Equals(bytes, Vector128.Create((byte)'\'')).ExtractMostSignificantBits(),
                beyond.ExtractMostSignificantBits(),
                isHyphen.ExtractMostSignificantBits());
        }

        /// <summary>
        /// Writes the key of the ASCII word of <paramref name="length"/> characters at <paramref name="start"/>
        /// (letters lower-cased) to the start of <paramref name="key"/>, eight characters at a time: the last
        /// eight may run past the word (into the text after it and the key's spare room; the buffer keeps
        /// some room spare), which the next key overwrites. Near the end of the text, one at a time.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void LowerCaseKey(ReadOnlySpan<char> text, int start, int length, Span<char> key)
        {
            var source = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(text);
            var target = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(key);
            var rounded = (length + 7) & ~7;
            if (start + rounded <= source.Length && rounded <= target.Length)
            {
                for (var k = 0; k < length; k += 8)
                {
                    LowerCase(Vector128.Create(source.Slice(start + k, 8))).CopyTo(target[k..]);
                }

                return;
            }

            for (var k = 0; k < length; k++)
            {
                var c = source[start + k];
                target[k] = (ushort)(c - 'A' <= 'Z' - 'A' ? c | 0x20 : c);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector128<ushort> LowerCase(Vector128<ushort> chars)
        {
            var isUpper = Vector128.LessThanOrEqual(chars - Vector128.Create((ushort)'A'), Vector128.Create((ushort)25));
            return chars | (isUpper & Vector128.Create((ushort)0x20));
        }

        /// <summary>True when the vector masks say of every ASCII character what the table of the rules says.</summary>
        private static bool AgreesWithTable()
        {
            Span<char> block = stackalloc char[Size];
            Span<char> key = stackalloc char[Size];
            Span<char> single = stackalloc char[1];
            for (var c = 0; c < 0x80; c += Size)
            {
                for (var k = 0; k < Size; k++)
                {
                    block[k] = (char)(c + k);
                }

                var word = Classify(block, out var breaker, out var beyond, out _);
                LowerCaseKey(block, 0, Size, key); // eight at a time
                for (var k = 0; k < Size; k++)
                {
                    LowerCaseKey(block[k..], 0, 1, single); // one by one (no room for eight)
                    var info = Ascii[c + k];
                    var isWord = (info & AsciiWord) != 0;
                    var isBreaker = !isWord && (info & AsciiPhraseGap) == 0;
                    if (beyond != 0 || ((word >> k) & 1) != (isWord ? 1u : 0u) || ((breaker >> k) & 1) != (isBreaker ? 1u : 0u)
                        || (isWord && (key[k] != (char)(info & 0x7F) || single[0] != key[k])))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
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
