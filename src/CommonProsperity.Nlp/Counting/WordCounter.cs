using System.Runtime.CompilerServices;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Counts a document's words, the denominator of the rates that compare across languages
/// (<c>per_1000_words</c>): a token of the counting rules is one character in Chinese but one word in
/// English, so per-token rates of Chinese texts run about half as high for the same share of the text.
/// Every token that is not a Chinese character is one word (English words, numbers); every run of
/// adjacent Chinese characters counts as many words as a Chinese word segmenter cuts it into. Only the
/// Chinese runs are segmented, and a run of one character is one word without asking the segmenter.
/// Thread-safe when the segmenter's count is.
/// </summary>
/// <param name="chineseWords">The number of words in a text's runs of two or more Chinese characters, asked once per text that has any.</param>
internal sealed class WordCounter(ChineseRunWords chineseWords)
{
    [ThreadStatic]
    private static ChineseWordCounter.Runs? _runs;

    private readonly ChineseRunWords _chineseWords = chineseWords ?? throw new ArgumentNullException(nameof(chineseWords));

    /// <summary>
    /// Chinese runs counted as jieba.NET segments them (<see cref="ChineseWordCounter"/>, the same counts as
    /// the discovery commands' <c>ChineseWordSegmenter</c>); its dictionary is loaded only when a text has a
    /// run of two or more Chinese characters. A text's runs are counted together
    /// (<see cref="ChineseWordCounter.Count(ReadOnlySpan{char}, ChineseWordCounter.Runs)"/>), so that their
    /// remembered counts are looked up one after the other.
    /// </summary>
    public static WordCounter Jieba { get; } = new((text, runs) => ChineseWordCounter.Instance.Count(text, runs));

    /// <summary>The words of <paramref name="text"/>, whose counting-rule tokens are in <paramref name="tokens"/>.</summary>
    public int Count(ReadOnlySpan<char> text, TokenBuffer tokens) => Count(text, tokens, null, false);

    /// <summary>
    /// The words of <paramref name="text"/>, a window of a document read in windows, whose counting-rule tokens
    /// are in <paramref name="tokens"/>. A run of Chinese characters the window boundaries cut is counted once,
    /// whole, where it ends: when <paramref name="carry"/> is open (the window before ended inside a run), the
    /// window's first run is the rest of that run (or more of it); when <paramref name="endsInsideRun"/>, the
    /// window's last run goes on in the next window and is put in <paramref name="carry"/> uncounted.
    /// </summary>
    /// <exception cref="InvalidOperationException">The carry is open but the text does not start with a Chinese character, or the text should end inside a run but does not end with a Chinese character.</exception>
    public int Count(ReadOnlySpan<char> text, TokenBuffer tokens, ChineseRunCarry? carry, bool endsInsideRun)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (carry is null && endsInsideRun)
        {
            throw new ArgumentException("A window that ends inside a run of Chinese characters needs a carry for it.", nameof(endsInsideRun));
        }

        var words = 0;
        var i = 0;
        var stop = tokens.Count;
        if (carry is { IsOpen: true })
        {
            // The rest of the run the window before ended in: counted whole once it ends here.
            var first = tokens.Count > 0 && tokens.Start(0) == 0 ? HanRunEnd(text, tokens, 0) : -1;
            if (first < 0)
            {
                throw new InvalidOperationException("A window continues a run of Chinese characters but does not start with one.");
            }

            carry.Append(text[..tokens.End(first - 1)]);
            i = first;
            if (endsInsideRun && i == tokens.Count)
            {
                return 0;
            }

            words += CountCarried(carry);
        }

        if (endsInsideRun)
        {
            // The window's last run goes on in the next window: it waits in the carry.
            var first = tokens.Count - 1;
            if (first < i || tokens.End(first) != text.Length || !IsHan(text, tokens.Start(first)))
            {
                throw new InvalidOperationException("A window should end inside a run of Chinese characters but does not end with one.");
            }

            while (first > i && InOneRun(text, tokens, first - 1))
            {
                first--;
            }

            carry!.Append(text[tokens.Start(first)..]);
            stop = first;
        }

        return words + Count(text, tokens, i, stop);
    }

    /// <summary>The words of tokens <paramref name="from"/> to just before <paramref name="stop"/> (whole runs).</summary>
    private int Count(ReadOnlySpan<char> text, TokenBuffer tokens, int from, int stop)
    {
        if (from >= stop)
        {
            return 0;
        }

        // One word a token, less the tokens of the runs of two or more Chinese characters, which count as the
        // segmenter cuts them. The runs are found from the characters that may be Chinese, searched a vector at a
        // time (most English texts have none, and the others tokens by the thousand between them), each mapped to
        // its token by a binary search.
        var limit = stop < tokens.Count ? tokens.Start(stop) : text.Length;
        var at = tokens.Start(from);
        var offset = IndexOfMaybeHan(text[at..limit]);
        if (offset < 0)
        {
            return stop - from;
        }

        var runs = _runs ??= new ChineseWordCounter.Runs();
        runs.Clear();
        var words = stop - from;
        var token = from;
        while (offset >= 0)
        {
            at += offset;
            token = FirstTokenFrom(tokens, token, stop, at);
            if (token == stop)
            {
                break;
            }

            var end = tokens.Start(token) == at ? HanRunEnd(text, tokens, token) : -1;
            if (end < 0)
            {
                // Not a Chinese character that starts a token: go on after the token it is in or starts (a
                // Korean or Yi word, a character beyond the BMP), or after it (a symbol between tokens).
                at = token > from && tokens.End(token - 1) > at ? tokens.End(token - 1) : tokens.Start(token) == at ? tokens.End(token) : at + 1;
            }
            else
            {
                if (end - token > 1)
                {
                    runs.Add(at, tokens.End(end - 1) - at);
                    words -= Math.Min(end, stop) - token;
                }

                token = end;
                at = tokens.End(end - 1);
            }

            offset = at < limit ? IndexOfMaybeHan(text[at..limit]) : -1;
        }

        return runs.Count > 0 ? words + _chineseWords(text, runs) : words;
    }

    /// <summary>
    /// The first token from <paramref name="first"/> to before <paramref name="stop"/> that starts at or after <paramref name="at"/>
    /// (<paramref name="stop"/> when none does). It is nearly always a token or two on (the next Chinese run after a punctuation mark),
    /// so the search gallops from <paramref name="first"/> (1, 2, 4, … tokens on) before it halves: a few reads instead of a binary
    /// search over the rest of the document for each run.
    /// </summary>
    private static int FirstTokenFrom(TokenBuffer tokens, int first, int stop, int at)
    {
        // Every token before low starts before at; high is stop or a token that starts at or after it.
        int low = first, high = first, step = 1;
        while (high < stop && tokens.Start(high) < at)
        {
            low = high + 1;
            high = low + step;
            step <<= 1;
        }

        high = Math.Min(high, stop);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (tokens.Start(middle) < at)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The words of the run in <paramref name="carry"/> (two or more characters: it crossed a window end), which is then emptied.</summary>
    private int CountCarried(ChineseRunCarry carry)
    {
        var runs = _runs ??= new ChineseWordCounter.Runs();
        runs.Clear();
        runs.Add(0, carry.Length);
        var words = _chineseWords(carry.Run(), runs);
        carry.Clear();
        return words;
    }

    /// <summary>
    /// When token <paramref name="i"/> is a Chinese character, the token just past the run of adjacent
    /// Chinese characters it begins (nothing between them, not even a space); otherwise -1.
    /// </summary>
    public static int HanRunEnd(ReadOnlySpan<char> text, TokenBuffer tokens, int i)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!IsHan(text, tokens.Start(i)))
        {
            return -1;
        }

        // The common case first, a vector at a time: the characters from U+4E00 to U+9FFF that follow, when they are tokens of
        // one character each (the tokens after it span exactly as many characters as there are of them, so none is longer
        // and none is missing). Then, or otherwise, token by token, as far as the run goes (other Chinese characters too).
        var end = i + 1;
        var after = tokens.End(i);
        var common = text[after..].IndexOfAnyExceptInRange('\u4E00', '\u9FFF');
        common = common < 0 ? text.Length - after : common;
        if (common > 0 && end + common <= tokens.Count && tokens.Start(end) == after && tokens.End(end + common - 1) == after + common)
        {
            end += common;
        }

        while (end < tokens.Count && tokens.Start(end) == tokens.End(end - 1) && IsHan(text, tokens.Start(end)))
        {
            end++;
        }

        return end;
    }

    /// <summary>True when tokens <paramref name="i"/> and <paramref name="i"/> + 1 are Chinese characters with nothing between them (one run).</summary>
    public static bool InOneRun(ReadOnlySpan<char> text, TokenBuffer tokens, int i)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return i + 1 < tokens.Count && tokens.Start(i + 1) == tokens.End(i) && IsHan(text, tokens.Start(i)) && IsHan(text, tokens.Start(i + 1));
    }

    /// <summary>
    /// Where the first character of <paramref name="text"/> from U+3400 to U+FAFF is, or -1: every character that
    /// <see cref="CharClass.IsHan"/> may hold true of (both BMP ranges, the surrogates) is in there, among others
    /// (Korean, Yi, private use), so one search a vector at a time tells most English texts from the others.
    /// </summary>
    private static int IndexOfMaybeHan(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\u3400', '\uFAFF');

    /// <summary>
    /// True when the token at <paramref name="start"/> is a Chinese character: asked of every token, so the
    /// common answers come first (below U+3400 nothing is Han, surrogates included; U+4E00 to U+9FFF all is).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHan(ReadOnlySpan<char> text, int start)
    {
        var c = text[start];
        return c >= '\u3400' && ((uint)(c - '\u4E00') <= '\u9FFF' - '\u4E00' || CharClass.IsHan(CharClass.CodePointAt(text, start, out _)));
    }
}
