using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>Documents that share a value (a language, a year, a publisher), or an input set, compared with other groups.</summary>
/// <param name="Name">The group's value or name.</param>
/// <param name="Documents">Its documents, in input order.</param>
internal sealed record DocumentGroup(string Name, IReadOnlyList<Document> Documents);
