using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// The sentences that <c>classify</c> and <c>suggest</c> score: those <see cref="TextSegmenter"/> finds, a
/// sentence longer than <see cref="MaxCharacters"/> cut into pieces of at most that many characters, so that
/// no passage (and no window of a document read in windows) has to hold a text without sentence ends whole,
/// such as a long run of Chinese characters without punctuation. A piece ends at the last place before the
/// limit where <c>analyze</c> may cut a window inside a sentence: after a space or clause mark, or between two
/// Chinese characters, where no lexicon match, vetoed match or exclusion phrase crosses (so the pieces' hits
/// are the sentence's); a stretch with no such place (one word of 16,384 characters) is cut at the limit.
/// Where a piece ends is decided from the text from its start to <see cref="LookAhead"/> characters past the
/// limit (or the sentence's end) alone, so a document read in windows is cut where the whole text is.
/// </summary>
/// <param name="matcher">The model's lexicon matcher (what the passages' hits are counted with).</param>
/// <param name="maxCharacters">The longest passage (<see cref="MaxCharacters"/>; tests lower it).</param>
internal sealed class SentencePieces(LexiconMatcher matcher, int maxCharacters = SentencePieces.MaxCharacters)
{
    /// <summary>
    /// The longest passage: 16,384 characters, far above any sentence of prose, within a spreadsheet cell (32,767 characters:
    /// <c>suggest</c>'s file is corrected in one) and a string the collector frees young (under 85,000 bytes).
    /// </summary>
    public const int MaxCharacters = 1 << 14;

    /// <summary>The characters past the limit that are matched to see what crosses a place to cut.</summary>
    public const int LookAhead = 4096;

    /// <summary>What may stand between two tokens where a piece ends (as <c>analyze</c>'s cut inside a sentence).</summary>
    private static readonly System.Buffers.SearchValues<char> Gaps = System.Buffers.SearchValues.Create(" \t,;:，、；：");

    private readonly LexiconMatcher _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));

    /// <summary>The longest passage.</summary>
    public int Max { get; } = maxCharacters >= 2 ? maxCharacters : throw new ArgumentOutOfRangeException(nameof(maxCharacters));

    /// <summary>
    /// The characters of text a piece's end is decided from, past its start, while its sentence's end is not
    /// known: a reader that has fewer than this many (and a few more for the sentence ends it may not see yet) reads on.
    /// </summary>
    public int Reach => Max + LookAhead;

    /// <summary>The passages of <paramref name="text"/>'s sentences, in order: each sentence, a long one as its pieces (the list given when none is long).</summary>
    public IReadOnlyList<TextSegment> Of(ReadOnlySpan<char> text, IReadOnlyList<TextSegment> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (sentences.All(s => s.Length <= Max))
        {
            return sentences;
        }

        var passages = new List<TextSegment>(sentences.Count);
        AddAll(text, sentences, sentences.Count, passages);
        return passages;
    }

    /// <summary>Adds the passages of the first <paramref name="count"/> of <paramref name="sentences"/> (each one whole in <paramref name="text"/>) to <paramref name="passages"/>.</summary>
    public void AddAll(ReadOnlySpan<char> text, IReadOnlyList<TextSegment> sentences, int count, List<TextSegment> passages)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(passages);
        for (var i = 0; i < count; i++)
        {
            Add(text, sentences[i], sentences[i].End, last: true, passages);
        }
    }

    /// <summary>
    /// Adds to <paramref name="passages"/> the pieces of <paramref name="sentence"/> that <paramref name="text"/> holds
    /// enough of to decide. <paramref name="end"/> is the sentence's end, or -1 when the text may end inside it (then
    /// a piece is added only while <see cref="Reach"/> characters of it and 64 more are in <paramref name="text"/>);
    /// with <paramref name="last"/>, the rest of a sentence whose end is known is added as its last piece.
    /// </summary>
    /// <returns>Where the first piece not added starts (a place to read the text on from), or the sentence's end when all were added.</returns>
    public int Add(ReadOnlySpan<char> text, TextSegment sentence, int end, bool last, List<TextSegment> passages)
    {
        ArgumentNullException.ThrowIfNull(passages);
        var start = sentence.Start;
        while (end < 0 ? text.Length - start > Reach + 64 : end - start > Max)
        {
            var (cut, afresh) = Cut(text[start..(end < 0 ? start + Reach : Math.Min(end, start + Reach))]);
            if (!afresh && !(end >= 0 && last))
            {
                // The text is to be read on from a piece's end, but the segmenter would not start afresh there as in the
                // whole text: stop at this piece's start (its reader reads on, and the sentence comes whole).
                return start;
            }

            passages.Add(sentence with { Start = start, End = start + TrimmedEnd(text.Slice(start, cut)) });
            start += cut;
            while (start < text.Length && char.IsWhiteSpace(text[start]))
            {
                start++; // a hard cut may leave spaces: the next piece starts after them, as a sentence does
            }
        }

        if (end >= 0 && last)
        {
            passages.Add(sentence with { Start = start, End = end });
            return end;
        }

        return start;
    }

    /// <summary>
    /// Where the piece that starts <paramref name="chunk"/> ends: the last place to cut at most <see cref="Max"/> characters in,
    /// and whether the segmenter started afresh there finds the sentence ends of the whole text (<see cref="SegmentsAlike"/>).
    /// </summary>
    private (int At, bool Afresh) Cut(ReadOnlySpan<char> chunk)
    {
        var scratch = new MatchScratch();
        _matcher.Tokenizer.Tokenize(chunk, scratch.Tokens);
        var hits = new List<LexiconHit>();
        var vetoes = new List<LexiconVeto>();
        _matcher.Match(scratch, hits, vetoes);
        var tokens = scratch.Tokens;
        var blocked = new System.Collections.BitArray(Math.Max(tokens.Count, 1));
        foreach (var (first, count) in hits.Select(h => (h.FirstToken, h.TokenCount)).Concat(vetoes.Select(v => (v.FirstToken, v.TokenCount))))
        {
            for (var t = first; t <= first + count - 2; t++)
            {
                blocked[t] = true; // gap t, between tokens t and t + 1, is inside the match
            }
        }

        for (var t = tokens.Count - 2; t >= 0; t--)
        {
            var at = tokens.Start(t + 1);
            if (at > Max || at == 0 || blocked[t] || _matcher.ExclusionCrosses(tokens, t))
            {
                continue;
            }

            var gap = chunk[tokens.End(t)..at];
            if (((gap.Length > 0 && !gap.ContainsAnyExcept(Gaps)) || WordCounter.InOneRun(chunk, tokens, t)) && SegmentsAlike(chunk, at))
            {
                return (at, true);
            }
        }

        // No such place: the last character before the limit that is not a space (nor the second half of a surrogate pair)
        // where the segmenter starts afresh as in the whole text; failing that (a word of 16,384 characters full of periods), the
        // limit, where a document read in windows is not read on from (it holds the sentence whole instead, as before pieces).
        for (var at = Max; at > 1; at--)
        {
            if (!char.IsLowSurrogate(chunk[at]) && !char.IsWhiteSpace(chunk[at]) && SegmentsAlike(chunk, at))
            {
                return (at, true);
            }
        }

        return (char.IsLowSurrogate(chunk[Max]) ? Max - 1 : Max, false);
    }

    /// <summary>
    /// Whether the segmenter, started afresh at <paramref name="at"/> (as a window of a document read in windows is),
    /// finds the sentence ends that follow where it finds them in the whole text: a period there ends a sentence or not
    /// by the word before it (an abbreviation, an initial), read back over letters and periods, so no cut is made inside
    /// such a word with a period before the cut (<see cref="WordReach"/>) or one close after it (<see cref="AbbreviationReach"/>).
    /// </summary>
    private static bool SegmentsAlike(ReadOnlySpan<char> chunk, int at)
    {
        // Nor just after a sentence-end mark, among the closing quotes, repeated marks or footnote number that go with it.
        for (var i = at - 1; i >= Math.Max(0, at - 8) && (MarkFollowers.Contains(chunk[i]) || SentenceMarks.Contains(chunk[i])); i--)
        {
            if (SentenceMarks.Contains(chunk[i]))
            {
                return false;
            }
        }

        if (!IsWordOrPeriod(chunk[at - 1]))
        {
            return true;
        }

        for (var i = at - 1; i >= Math.Max(0, at - WordReach) && IsWordOrPeriod(chunk[i]); i--)
        {
            if (chunk[i] == '.')
            {
                return false;
            }
        }

        for (var i = at; i < Math.Min(chunk.Length, at + AbbreviationReach) && IsWordOrPeriod(chunk[i]); i++)
        {
            if (chunk[i] == '.')
            {
                return false;
            }
        }

        return true;

        static bool IsWordOrPeriod(char c) => char.IsLetter(c) || c == '.';
    }

    /// <summary>The sentence-end marks (<see cref="TextSegmenter"/>'s).</summary>
    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create("。！？\uFF61.!?");

    /// <summary>What may follow a sentence-end mark and stay with it: closing quotes and brackets, footnote numbers.</summary>
    private static readonly System.Buffers.SearchValues<char> MarkFollowers = System.Buffers.SearchValues.Create("\"')]”’」』）》】〕0123456789¹²³⁰⁴⁵⁶⁷⁸⁹*");

    /// <summary>How far back from a cut a period is looked for in the word it cuts (one there makes the whole word an abbreviation).</summary>
    private const int WordReach = 64;

    /// <summary>How far on from a cut the period ending the word it cuts is looked for: past the longest abbreviation ("approx") and an initial, a word cut shorter is still none.</summary>
    private const int AbbreviationReach = 16;

    private static int TrimmedEnd(ReadOnlySpan<char> piece)
    {
        var end = piece.Length;
        while (end > 1 && char.IsWhiteSpace(piece[end - 1]))
        {
            end--;
        }

        return end;
    }
}
