namespace CommonProsperity.Nlp.Text;

/// <summary>A paragraph or sentence: a character range of a document's text.</summary>
/// <param name="Index">0-based position among the document's segments of the same kind.</param>
/// <param name="Start">Offset of the first non-space character.</param>
/// <param name="End">Offset just past the last non-space character.</param>
/// <param name="Paragraph">The paragraph the segment belongs to (a paragraph's own index for paragraphs).</param>
internal readonly record struct TextSegment(int Index, int Start, int End, int Paragraph)
{
    /// <summary>The number of characters covered.</summary>
    public int Length => End - Start;
}
