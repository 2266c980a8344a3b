namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A match of a lexicon term that one of the term's exclusions vetoed (counting rule 7): it is not
/// counted and is not evidence, but it is reported, so that an analyst can see what each exclusion removes.
/// </summary>
/// <param name="Theme">Index of the theme in <see cref="LexiconMatcher.Themes"/>.</param>
/// <param name="Term">Index of the vetoed term in the lexicon's <see cref="Lexicon.Terms"/>.</param>
/// <param name="Exclusion">Index of the exclusion that vetoed it in the term's <see cref="LexiconTerm.Exclusions"/>.</param>
/// <param name="Start">Offset of the vetoed match's first character in the text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="FirstToken">Index of its first token.</param>
/// <param name="TokenCount">How many tokens it covers.</param>
public readonly record struct LexiconVeto(int Theme, int Term, int Exclusion, int Start, int End, int FirstToken, int TokenCount);
