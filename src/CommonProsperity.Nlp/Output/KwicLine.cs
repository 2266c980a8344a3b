using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>One line of a concordance as <c>kwic.csv</c> writes it: the match, its context and its sentence.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Theme">With a lexicon theme, the theme; null for search terms.</param>
/// <param name="Term">The search term, or the lexicon term, that matched, as written.</param>
/// <param name="Start">Offset of the match's first character in the document's text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Left">The context before the match, whitespace shown as single spaces.</param>
/// <param name="Match">The matched text exactly as it stands in the document.</param>
/// <param name="Right">The context after the match, whitespace shown as single spaces.</param>
/// <param name="Sentence">The sentence holding the match, whitespace shown as single spaces (cut around the match when very long).</param>
/// <param name="SentenceIndex">The 0-based index of that sentence in the document.</param>
/// <param name="Metadata">The document's metadata.</param>
public sealed record KwicLine(string Document, string? Theme, string Term, int Start, int End, string Left, string Match, string Right, string Sentence, int SentenceIndex, DocumentMetadata Metadata)
{
    /// <summary>The column of a sampled <c>kwic.csv</c> that a reader marks y or n (read back by <c>lexicon check --validated</c>).</summary>
    public const string CorrectColumn = "correct";
}
