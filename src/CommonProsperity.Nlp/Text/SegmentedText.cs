using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Text;

/// <summary>The paragraphs and sentences of one text, each in text order.</summary>
internal sealed record SegmentedText(IReadOnlyList<TextSegment> Paragraphs, IReadOnlyList<TextSegment> Sentences)
{
    /// <summary>
    /// The longest passage, in characters, that <see cref="Passages"/> leaves whole: about 170 English
    /// words or a long paragraph of Chinese. Longer paragraphs (a report published without paragraph
    /// marks) are split at sentence ends, so that the passage-based commands see passages, not documents.
    /// </summary>
    public const int MaxPassageLength = 1000;

    /// <summary>
    /// The passages of the text, in order, for the passage-based commands (classify and suggest by
    /// paragraph, topics): each paragraph, except that a paragraph longer than <see cref="MaxPassageLength"/>
    /// characters is cut at sentence ends into runs of whole sentences of at most that length (a single
    /// longer sentence stays whole). <see cref="TextSegment.Paragraph"/> names the paragraph a passage comes from.
    /// </summary>
    public IReadOnlyList<TextSegment> Passages()
    {
        var passages = new List<TextSegment>(Paragraphs.Count);
        var s = 0;
        foreach (var paragraph in Paragraphs)
        {
            while (s < Sentences.Count && Sentences[s].Paragraph < paragraph.Index)
            {
                s++;
            }

            if (paragraph.Length <= MaxPassageLength)
            {
                passages.Add(new TextSegment(passages.Count, paragraph.Start, paragraph.End, paragraph.Index));
                continue;
            }

            var start = -1;
            var end = -1;
            for (; s < Sentences.Count && Sentences[s].Paragraph == paragraph.Index; s++)
            {
                var sentence = Sentences[s];
                if (start >= 0 && sentence.End - start > MaxPassageLength)
                {
                    passages.Add(new TextSegment(passages.Count, start, end, paragraph.Index));
                    start = -1;
                }

                if (start < 0)
                {
                    start = sentence.Start;
                }

                end = sentence.End;
            }

            if (start >= 0)
            {
                passages.Add(new TextSegment(passages.Count, start, end, paragraph.Index));
            }
        }

        return passages;
    }

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
