namespace CommonProsperity.Nlp.Discovery;

/// <summary>A top word of a topic.</summary>
/// <param name="Rank">1 for the most probable word.</param>
/// <param name="Term">The word.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Weight">The word's probability in the topic, as fitted.</param>
/// <param name="Themes">The themes whose lexicon terms match the word, separated by <c>;</c> (empty for none).</param>
public sealed record TopicTerm(int Rank, string Term, string Language, double Weight, string Themes);
