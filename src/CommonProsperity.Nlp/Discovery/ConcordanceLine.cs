using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>One match in a concordance (keyword in context): where it stands and which term found it.</summary>
/// <param name="Document">The document (its text gives the context).</param>
/// <param name="Theme">The lexicon theme whose term matched, or null when the terms were search terms.</param>
/// <param name="Term">The term that matched, as written (a search term, or the lexicon's term).</param>
/// <param name="Start">Offset of the match's first character in the document's text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="Sentence">The sentence that holds the match (its index is that of the sentence where the match starts; a match across a sentence end spans both).</param>
internal sealed record ConcordanceLine(Document Document, string? Theme, string Term, int Start, int End, TextSegment Sentence);
