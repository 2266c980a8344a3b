using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Turns a text into words for the discovery commands. English words are the counting-rule tokens
/// (lower case, line-end hyphenation joined) with a possessive <c>'s</c> removed; runs of Chinese
/// characters are split into words by <see cref="ChineseWordSegmenter"/>. Words inside web addresses are
/// passed over (report endnotes are full of them). Each word says whether it is content: not a stop word,
/// not a number (<c>2023</c>, <c>15th</c>, <c>十四</c>, <c>第十四条</c>) and not a single Latin letter.
/// Thread-safe.
/// </summary>
internal sealed partial class WordExtractor
{
    private const string Numerals = "〇零一二三四五六七八九十百千万亿两第";
    private const string Counters = "条章节款项次届年月日号个";
    private readonly StopWords _stopWords;
    private readonly bool _stripPossessive;

    /// <summary>An extractor that marks the words of <paramref name="stopWords"/> as not content.</summary>
    /// <param name="stopWords">The stop words.</param>
    /// <param name="stripPossessive">Remove a possessive <c>'s</c> (<c>china's</c> → <c>china</c>); off, English words are exactly the counting-rule tokens, as lexicon terms match them.</param>
    public WordExtractor(StopWords stopWords, bool stripPossessive = true)
    {
        _stopWords = stopWords ?? throw new ArgumentNullException(nameof(stopWords));
        _stripPossessive = stripPossessive;
    }

    /// <summary>The extractor with the built-in stop word lists.</summary>
    public static WordExtractor Default { get; } = new(StopWords.Default);

    /// <summary>The words of <paramref name="text"/>, in text order (stop words included, marked).</summary>
    public IReadOnlyList<Word> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var urls = WebAddress().Matches(text).Select(m => (m.Index, End: m.Index + m.Length)).ToList();
        var tokens = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text, tokens);
        var words = new List<Word>(tokens.Count);
        var url = 0;
        var i = 0;
        while (i < tokens.Count)
        {
            var start = tokens.Start(i);
            if (WordCounter.HanRunEnd(text, tokens, i) is var end and >= 0)
            {
                AddChinese(text, start, tokens.End(end - 1), tokens.JoinsPrevious(i), words);
                i = end;
                continue;
            }

            while (url < urls.Count && urls[url].End <= start)
            {
                url++;
            }

            if (url < urls.Count && urls[url].Index <= start)
            {
                i++;
                continue;
            }

            var key = new string(tokens.Key(i));
            if (_stripPossessive && key.Length > 3 && key.EndsWith("'s", StringComparison.Ordinal))
            {
                key = key[..^2];
            }

            words.Add(new Word(key, start, tokens.End(i), false, tokens.JoinsPrevious(i), IsEnglishContent(key)));
            i++;
        }

        return words;
    }

    private void AddChinese(string text, int start, int end, bool joinsPrevious, List<Word> words)
    {
        var offset = start;
        foreach (var piece in ChineseWordSegmenter.Instance.Segment(text[start..end]))
        {
            words.Add(new Word(piece, offset, offset + piece.Length, true, offset > start || joinsPrevious, !_stopWords.Contains(piece) && !IsChineseNumber(piece)));
            offset += piece.Length;
        }
    }

    private bool IsEnglishContent(string word) =>
        word.Length >= 2 && !_stopWords.Contains(word) && !EnglishNumber().IsMatch(word) && word.Any(char.IsLetter);

    /// <summary>True for a word of numerals, with 第 before and a counter (条, 年, ...) after allowed.</summary>
    private static bool IsChineseNumber(string word)
    {
        var body = Counters.Contains(word[^1], StringComparison.Ordinal) && word.Length > 1 ? word[..^1] : word;
        return body.Length > 0 && body.All(c => Numerals.Contains(c, StringComparison.Ordinal)) && !string.Equals(body, "第", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"^\d+(?:st|nd|rd|th|s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EnglishNumber();
}
