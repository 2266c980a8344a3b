namespace CommonProsperity.Nlp.Models;

/// <summary>What a passage is when classifying documents.</summary>
public enum PassageUnit
{
    /// <summary>One sentence.</summary>
    Sentence,

    /// <summary>One paragraph; a paragraph longer than <see cref="Text.SegmentedText.MaxPassageLength"/> is cut at sentence ends (<see cref="Text.SegmentedText.Passages"/>).</summary>
    Paragraph,

    /// <summary>The whole document.</summary>
    Document,
}
