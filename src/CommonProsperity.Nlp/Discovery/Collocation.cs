namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Two units that stand next to each other more often than chance, scored on the 2×2 table of adjacent
/// pairs (first unit or not × second unit or not) of their group and language; see <see cref="CollocationScore"/>.
/// </summary>
/// <param name="Group">The group (the value of the grouping field, or <c>all</c>).</param>
/// <param name="Rank">Its rank within the group and language, by the chosen measure.</param>
/// <param name="Term">The pair as a phrase (English joined by a space, Chinese without one).</param>
/// <param name="First">The first unit.</param>
/// <param name="Second">The second unit.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Documents">In how many of the group's documents the pair occurs.</param>
/// <param name="Score">The table and its statistics.</param>
public sealed record Collocation(string Group, int Rank, string Term, string First, string Second, string Language, int Documents, CollocationScore Score);
