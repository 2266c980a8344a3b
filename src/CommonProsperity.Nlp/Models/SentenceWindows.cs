using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// A text too large to hold, read as it streams in and handed out a window of whole passages at a time,
/// so that memory stays bounded by the window: the passages are the sentences <see cref="TextSegmenter"/> finds
/// in the whole text, a long one cut into pieces (<see cref="SentencePieces"/>), with the whole text's offsets.
/// A window ends at the same safe cut (<see cref="SafeCut"/>) as
/// <c>analyze</c>'s windows (<c>WindowedDocumentAnalysis</c>): the start of a sentence, other
/// than the first and the last of the stretch read, that follows a sentence end with no token character
/// between; a stretch without one ends inside its first sentence longer than a piece (a text without sentence
/// ends, a long run of Chinese characters), after all but the last of that sentence's pieces, or else at the start of
/// a paragraph (lines without sentence-end marks), and otherwise grows until one comes or the text ends.
/// </summary>
internal static class SentenceWindows
{
    /// <summary>The default window: 1 Mi characters (2 MiB of text).</summary>
    public const int DefaultCharacters = 1 << 20;

    /// <summary>
    /// The windows of the text <paramref name="open"/> reads, each with its passages (<paramref name="pieces"/>);
    /// a window's buffer and passage list serve the next one, so use each before asking for the next. A stretch
    /// with no safe cut grows up to <paramref name="maxWindowCharacters"/> (<see cref="TextWindow.MaxCharacters"/>; tests lower it).
    /// </summary>
    /// <exception cref="Errors.InputException">The text has more characters than an offset can hold, or a stretch without a safe cut longer than a window may grow to.</exception>
    public static IEnumerable<Window> Read(Func<TextReader> open, string id, SentencePieces pieces, int windowCharacters, CancellationToken cancellationToken, int maxWindowCharacters = TextWindow.MaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowCharacters, 1);
        using var reader = open();
        var text = new TextWindow(reader, id, windowCharacters + 64, maxWindowCharacters);
        var paragraphs = new List<TextSegment>();
        var sentences = new List<TextSegment>();
        var passages = new List<TextSegment>();
        var window = windowCharacters;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Fill(window);
            var (buffer, filled) = (text.Buffer, text.Filled);
            TextSegmenter.Instance.Segment(buffer.AsSpan(0, filled), paragraphs, sentences);
            passages.Clear();
            var cut = text.End ? filled : Cut(buffer, sentences);
            if (cut < 0)
            {
                cut = PieceCut(buffer.AsSpan(0, filled), sentences, pieces, passages);
                if (cut < 0)
                {
                    window = text.Grown(window, text.Start); // no cut yet: read on
                    continue;
                }
            }
            else
            {
                pieces.AddAll(buffer.AsSpan(0, filled), sentences, text.End ? sentences.Count : sentences.FindIndex(s => s.Start >= cut), passages);
            }

            yield return new Window(buffer, (int)text.Start, passages);
            if (text.End && cut == filled)
            {
                yield break;
            }

            text.Drop(cut);
            window = windowCharacters;
        }
    }

    /// <summary>
    /// For a stretch read without a safe cut: the sentences up to the first one long enough to be cut into pieces
    /// (one over a piece, or the last, still open, once enough of it is read) and that one's pieces but its last, added
    /// to <paramref name="passages"/>; returns where its last piece starts (where the text is read on from). Without
    /// such a sentence, the sentences before the start of its last paragraph but the first and the last sentence's, and
    /// that start; or -1 (nothing added).
    /// </summary>
    private static int PieceCut(ReadOnlySpan<char> text, List<TextSegment> sentences, SentencePieces pieces, List<TextSegment> passages)
    {
        for (var k = 0; k < sentences.Count; k++)
        {
            var open = k == sentences.Count - 1;
            if (!open && sentences[k].Length <= pieces.Max)
            {
                continue;
            }

            pieces.AddAll(text, sentences, k, passages);
            var before = passages.Count;
            var cut = pieces.Add(text, sentences[k], open ? -1 : sentences[k].End, last: false, passages);
            if (passages.Count > before)
            {
                return cut;
            }

            break;
        }

        // No long sentence either: the start of the last paragraph seen whole after the first (a stretch of short lines
        // without sentence-end marks), where the segmenter starts afresh as in the whole text.
        passages.Clear();
        for (var k = sentences.Count - 2; k >= 1; k--)
        {
            if (sentences[k].Paragraph != sentences[k - 1].Paragraph)
            {
                pieces.AddAll(text, sentences, k, passages);
                return sentences[k].Start;
            }
        }

        return -1;
    }

    /// <summary>The last safe cut among the sentences of the stretch read, or -1.</summary>
    private static int Cut(char[] buffer, List<TextSegment> sentences)
    {
        for (var k = sentences.Count - 2; k >= 1; k--)
        {
            if (SafeCut.NothingCrosses(buffer.AsSpan(0, sentences[k].Start), folds: true))
            {
                return sentences[k].Start;
            }
        }

        return -1;
    }

    /// <summary>A window: its passages (offsets into <see cref="Buffer"/>) and where the buffer starts in the whole text.</summary>
    internal readonly record struct Window(char[] Buffer, int Offset, IReadOnlyList<TextSegment> Sentences)
    {
        /// <summary>The text of passage <paramref name="i"/>.</summary>
        public string Text(int i) => new(Buffer, Sentences[i].Start, Sentences[i].Length);
    }
}
