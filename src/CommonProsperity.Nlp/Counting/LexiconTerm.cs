namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// One entry of a lexicon: a term (a word, a phrase, a Chinese word, or a prefix ending in <c>*</c>)
/// counted for a theme, with the longer expressions in which a match of it does not count.
/// </summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Term">The term as written in the lexicon.</param>
/// <param name="Language">The term's language (<c>en</c>, <c>zh</c>), when the lexicon says.</param>
/// <param name="Note">A free note, carried through to exports.</param>
/// <param name="Line">The line of the lexicon file the term came from (for messages).</param>
/// <param name="Exclude">
/// The term's exclusions as written (the <c>exclude</c> column, split at <c>|</c>): longer expressions
/// containing the term, inside which a match of it is vetoed (<c>政治生态</c> for <c>生态</c>); null when
/// it has none.
/// </param>
/// <param name="Weight">
/// The term's weight in its theme, from a weighted dictionary (LIWC-22 <c>.dicx</c>, WordStat, the CSV's
/// <c>weight</c> column); null for an unweighted term, which weighs 1 in a weighted score.
/// </param>
public sealed record LexiconTerm(string Theme, string Term, string? Language, string? Note, int Line, IReadOnlyList<string>? Exclude = null, double? Weight = null)
{
    /// <summary>The exclusions, empty when there are none.</summary>
    public IReadOnlyList<string> Exclusions => Exclude ?? [];
}
