namespace CommonProsperity.Nlp.Models;

/// <summary>What a passage is when classifying documents.</summary>
public enum PassageUnit
{
    /// <summary>One sentence.</summary>
    Sentence,

    /// <summary>One paragraph.</summary>
    Paragraph,

    /// <summary>The whole document.</summary>
    Document,
}
