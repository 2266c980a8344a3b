namespace CommonProsperity.Nlp.Discovery;

/// <summary>A frequent n-gram of a group of documents.</summary>
/// <param name="Group">The group (the value of the grouping field, or <c>all</c>).</param>
/// <param name="Size">Its length in units (words or characters).</param>
/// <param name="Rank">Its rank by count within the group, language and size (1 = most frequent).</param>
/// <param name="Term">The n-gram: English words joined by a space, Chinese units joined without one (so it can serve as a lexicon term as it stands).</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Count">How often it occurs in the group.</param>
/// <param name="Documents">In how many of the group's documents it occurs.</param>
/// <param name="Units">Units (words or characters) of its language in the group: the base of <see cref="Per1000"/>.</param>
public sealed record Ngram(string Group, int Size, int Rank, string Term, string Language, long Count, int Documents, long Units)
{
    /// <summary>Occurrences per 1,000 units of its language in the group.</summary>
    public double Per1000 => Units == 0 ? 0 : 1000.0 * Count / Units;
}
