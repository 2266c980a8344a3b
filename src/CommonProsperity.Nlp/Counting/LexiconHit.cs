namespace CommonProsperity.Nlp.Counting;

/// <summary>One match of a lexicon term in a text: the evidence behind one count.</summary>
/// <param name="Theme">Index of the theme in <see cref="LexiconMatcher.Themes"/>.</param>
/// <param name="Term">Index of the matching term in the lexicon's <see cref="Lexicon.Terms"/>.</param>
/// <param name="Start">Offset of the match's first character in the text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="FirstToken">Index of the first matched token (a match that starts at the second part of a word joined at a line-end hyphen starts in that word's token).</param>
/// <param name="TokenCount">How many tokens the match touches.</param>
public readonly record struct LexiconHit(int Theme, int Term, int Start, int End, int FirstToken, int TokenCount);
