using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Pipeline;

/// <summary>What a discovery run did and found.</summary>
/// <param name="Value">What it found (a topic model, a comparison, a trend).</param>
/// <param name="Documents">Documents read.</param>
/// <param name="Skipped">Inputs passed over, each with the reason.</param>
/// <param name="Warnings">Other warnings (metadata, lexicon, documents left out of groups, fonts).</param>
/// <param name="Reports">The report files written, as full paths.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record DiscoveryResult<T>(T Value, int Documents, IReadOnlyList<SkippedInput> Skipped, IReadOnlyList<string> Warnings, IReadOnlyList<string> Reports, TimeSpan Elapsed);
