using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>How one document divides among the topics.</summary>
/// <param name="Id">The document id.</param>
/// <param name="Metadata">Its metadata.</param>
/// <param name="Passages">The passages it was cut into.</param>
/// <param name="Words">Its modelled words.</param>
/// <param name="Shares">Per topic (in topic order) the share of its words, weighted by passage length; they sum to 1 (all 0 when no word was modelled).</param>
public sealed record DocumentTopics(string Id, DocumentMetadata Metadata, int Passages, int Words, IReadOnlyList<double> Shares);
