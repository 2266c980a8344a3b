using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Everything the reports need from one document, made in one pass: its numbers (tokens, words, sentences, ...), each
/// theme's tally, and every hit (with the text, so evidence can quote it).
/// </summary>
/// <param name="Document">The document analysed.</param>
/// <param name="Numbers">Its numbers: tokens, words, sentences, ... (<see cref="DocumentNumbers"/>).</param>
/// <param name="Segments">Its paragraphs and sentences.</param>
/// <param name="Themes">Per theme (in the matcher's theme order), hits and sentences with hits.</param>
/// <param name="Hits">Every match, in text order.</param>
/// <param name="Vetoes">Every match an exclusion vetoed (not counted, not evidence), in text order.</param>
internal sealed record DocumentAnalysis(
    Document Document,
    DocumentNumberValues Numbers,
    SegmentedText Segments,
    IReadOnlyList<ThemeTally> Themes,
    IReadOnlyList<LexiconHit> Hits,
    IReadOnlyList<LexiconVeto> Vetoes)
{
    /// <summary>The fingerprint of the document's text as read, for finding near-duplicate inputs.</summary>
    public TextFingerprint Fingerprint { get; init; } = TextFingerprint.Empty;

    /// <summary>True when the repeated blocks of <see cref="Fingerprint"/> were left out of the counts (blanked out in <see cref="Document"/>).</summary>
    public bool RepeatsLeftOut { get; init; }
}
