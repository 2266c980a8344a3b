namespace CommonProsperity.Nlp.Reporting;

/// <summary>How often one lexicon term matched in one document.</summary>
/// <param name="Term">The term's index in the lexicon's terms.</param>
/// <param name="Hits">Its matches in the document.</param>
public readonly record struct TermHits(int Term, int Hits);
