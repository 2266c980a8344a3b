namespace CommonProsperity.Nlp.Output;

/// <summary>How often one lexicon term matched in one document, and how many of its matches exclusions vetoed.</summary>
/// <param name="Term">The term's index in the lexicon's terms.</param>
/// <param name="Hits">Its matches in the document.</param>
/// <param name="Vetoed">Its matches there that one of its exclusions vetoed (counting rule 7).</param>
internal readonly record struct TermHits(int Term, int Hits, int Vetoed = 0);
