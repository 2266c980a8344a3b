namespace CommonProsperity.Nlp.Discovery;

/// <summary>A fitted topic model: topics with their words (saved at fit time: a loaded ML.NET model cannot give them back) and each document's topic shares.</summary>
/// <param name="Topics">The topics, by number.</param>
/// <param name="Documents">Per document, its topic shares, in input order.</param>
/// <param name="Passages">The passages the model was fitted on.</param>
/// <param name="Vocabulary">Distinct words modelled.</param>
/// <param name="Words">Word occurrences modelled.</param>
/// <param name="Options">The settings used.</param>
public sealed record TopicModel(IReadOnlyList<Topic> Topics, IReadOnlyList<DocumentTopics> Documents, int Passages, int Vocabulary, long Words, TopicOptions Options);
