namespace CommonProsperity.Nlp.Discovery;

/// <summary>The outcome of a keyness comparison.</summary>
/// <param name="Groups">Each group's vocabulary, in group order.</param>
/// <param name="Terms">The key words: per group, the over-represented ones then the under-represented ones, by rank.</param>
public sealed record KeynessResult(IReadOnlyList<GroupVocabulary> Groups, IReadOnlyList<KeyTerm> Terms);
