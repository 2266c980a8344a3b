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
    public int Count(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var first = IndexOfMaybeHan(text);
        if (first < 0)
        {
            // No Chinese character: one word a token (most English texts, tested a vector at a time).
            return tokens.Count;
        }

        var runs = _runs ??= new ChineseWordCounter.Runs();
        runs.Clear();

        // One word a token, less the tokens of the runs of two or more Chinese characters, which count as
        // the segmenter cuts them. The runs are found from the characters that may be Chinese, searched a
        // vector at a time (an English text with a few Chinese words has tokens by the thousand between them).
        var words = tokens.Count;
        var token = 0;
        var from = first;
        while (from < text.Length && IndexOfMaybeHan(text[from..]) is var offset and >= 0)
        {
            var at = from + offset;
            token = FirstTokenFrom(tokens, token, at);
            if (token == tokens.Count)
            {
                break;
            }

            var end = tokens.Start(token) == at ? HanRunEnd(text, tokens, token) : -1;
            if (end < 0)
            {
                // Not a Chinese character that starts a token: go on after the token it is in or starts (a
                // Korean or Yi word, a character beyond the BMP), or after it (a symbol between tokens).
                from = token > 0 && tokens.End(token - 1) > at ? tokens.End(token - 1) : tokens.Start(token) == at ? tokens.End(token) : at + 1;
                continue;
            }

            if (end - token > 1)
            {
                runs.Add(at, tokens.End(end - 1) - at);
                words -= end - token;
            }

            token = end;
            from = tokens.End(end - 1);
        }

        return runs.Count > 0 ? words + _chineseWords(text, runs) : words;
    }

    /// <summary>The first token from <paramref name="first"/> on that starts at or after <paramref name="at"/> (<c>Count</c> when none does).</summary>
    private static int FirstTokenFrom(TokenBuffer tokens, int first, int at)
    {
        int low = first, high = tokens.Count;
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

        var end = i + 1;
        while (end < tokens.Count && tokens.Start(end) == tokens.End(end - 1) && IsHan(text, tokens.Start(end)))
        {
            end++;
        }

        return end;
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
