namespace CommonProsperity.Nlp.Counting;

/// <summary>One theme's counts in one document.</summary>
/// <param name="Hits">Matches of the theme's terms (non-overlapping, per the counting rules).</param>
/// <param name="Sentences">Sentences holding at least one match.</param>
/// <param name="Weighted">The sum of the weights of the matches, for a lexicon with weights (a term without one weighs 1); 0 otherwise.</param>
public readonly record struct ThemeTally(int Hits, int Sentences, double Weighted = 0);
