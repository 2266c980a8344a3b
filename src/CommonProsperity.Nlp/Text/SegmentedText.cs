using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Text;

/// <summary>The paragraphs and sentences of one text, each in text order.</summary>
public sealed record SegmentedText(IReadOnlyList<TextSegment> Paragraphs, IReadOnlyList<TextSegment> Sentences)
{
    /// <summary>The index of the sentence containing <paramref name="offset"/>, or of the nearest one before it; -1 before the first.</summary>
    public int SentenceAt(int offset) => SentenceAt(offset, -1, binary: true);

    /// <summary>
    /// As <see cref="SentenceAt(int)"/>, for offsets visited in increasing order (a document's hits):
    /// scans forward from <paramref name="previous"/>, the answer for an earlier offset (-1 at first).
    /// </summary>
    public int SentenceAt(int offset, int previous) => SentenceAt(offset, previous, binary: false);

    private int SentenceAt(int offset, int previous, bool binary)
    {
        // Called for every hit: search the list's own array when it is one (the segmenter makes lists).
        ReadOnlySpan<TextSegment> sentences = Sentences switch
        {
            List<TextSegment> list => CollectionsMarshal.AsSpan(list),
            TextSegment[] array => array,
            _ => [.. Sentences],
        };
        if (!binary)
        {
            var at = Math.Max(previous, -1);
            while (at + 1 < sentences.Length && sentences[at + 1].Start <= offset)
            {
                at++;
            }

            return at;
        }

        int lo = 0, hi = sentences.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sentences[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
