namespace CommonProsperity.Nlp.Discovery;

/// <summary>The words of one group in a keyness comparison.</summary>
/// <param name="Name">The group.</param>
/// <param name="Documents">Its documents.</param>
/// <param name="Words">Words counted (occurrences).</param>
/// <param name="Distinct">Distinct words.</param>
/// <param name="SharedShare">The share of its word occurrences whose word the reference also uses. Near 0 (groups in different languages), keyness only lists each group's own frequent words.</param>
public sealed record GroupVocabulary(string Name, int Documents, long Words, int Distinct, double SharedShare);
