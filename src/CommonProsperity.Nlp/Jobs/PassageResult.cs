using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What a <see cref="ClassifyJob"/> or <see cref="SuggestJob"/> run did.</summary>
/// <param name="Documents">Documents classified.</param>
/// <param name="Passages">Passages classified.</param>
/// <param name="Written">Passages written: all of them (<c>classify</c>) or those chosen to label (<c>suggest</c>).</param>
/// <param name="Problems">Inputs passed over and warnings, in order.</param>
public sealed record PassageResult(int Documents, long Passages, int Written, IReadOnlyList<Problem> Problems);
