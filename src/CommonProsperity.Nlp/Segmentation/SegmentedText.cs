using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Segmentation;

/// <summary>The paragraphs and sentences of one text, each in text order.</summary>
public sealed record SegmentedText(IReadOnlyList<TextSegment> Paragraphs, IReadOnlyList<TextSegment> Sentences)
{
    /// <summary>The index of the sentence containing <paramref name="offset"/>, or of the nearest one before it; -1 before the first.</summary>
    public int SentenceAt(int offset)
    {
        // Called for every hit: search the list's own array when it is one (the segmenter makes lists).
        ReadOnlySpan<TextSegment> sentences = Sentences switch
        {
            List<TextSegment> list => CollectionsMarshal.AsSpan(list),
            TextSegment[] array => array,
            _ => [.. Sentences],
        };
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
