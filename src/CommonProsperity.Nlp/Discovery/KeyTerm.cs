namespace CommonProsperity.Nlp.Discovery;

/// <summary>A word that one group of documents uses markedly more (<c>over</c>) or less (<c>under</c>) than the others.</summary>
/// <param name="Group">The group.</param>
/// <param name="Reference">What it is compared with: the other group's name, or <c>rest</c> (all other groups together).</param>
/// <param name="Direction"><c>over</c> or <c>under</c>.</param>
/// <param name="Rank">1 for the largest G² in its group and direction.</param>
/// <param name="Term">The word.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Count">Its occurrences in the group.</param>
/// <param name="ReferenceCount">Its occurrences in the reference.</param>
/// <param name="Words">Words counted in the group.</param>
/// <param name="ReferenceWords">Words counted in the reference.</param>
/// <param name="Score">G², log ratio, chi-square and p-values.</param>
public sealed record KeyTerm(string Group, string Reference, string Direction, int Rank, string Term, string Language,
    long Count, long ReferenceCount, long Words, long ReferenceWords, KeynessScore Score);
