namespace CommonProsperity.Nlp.Lexicons;

/// <summary>
/// One entry of a lexicon: a term (a word, a phrase, a Chinese word, or a prefix ending in <c>*</c>)
/// counted for a theme.
/// </summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Term">The term as written in the lexicon.</param>
/// <param name="Language">The term's language (<c>en</c>, <c>zh</c>), when the lexicon says.</param>
/// <param name="Note">A free note, carried through to exports.</param>
/// <param name="Line">The line of the lexicon file the term came from (for messages).</param>
public sealed record LexiconTerm(string Theme, string Term, string? Language, string? Note, int Line);
