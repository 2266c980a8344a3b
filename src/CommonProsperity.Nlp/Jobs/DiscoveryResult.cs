using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What a discovery run did and found.</summary>
/// <param name="Value">What it found (a topic model, a comparison, a trend).</param>
/// <param name="Documents">Documents read.</param>
/// <param name="Problems">Inputs passed over and warnings (metadata, lexicon, documents left out of groups, fonts), in order.</param>
/// <param name="Reports">The report files written, as full paths.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record DiscoveryResult<T>(T Value, int Documents, IReadOnlyList<Problem> Problems, IReadOnlyList<string> Reports, TimeSpan Elapsed);
