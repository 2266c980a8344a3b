using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What an <c>analyze</c> run did.</summary>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Tokens">Tokens counted in all.</param>
/// <param name="Characters">Characters analysed in all.</param>
/// <param name="Problems">Inputs passed over and warnings (metadata, lexicon, fonts), in order.</param>
/// <param name="Reports">The report files written, as full paths.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record AnalysisResult(
    int Documents,
    long Tokens,
    long Characters,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<string> Reports,
    TimeSpan Elapsed)
{
    /// <summary>For a merge that left the evidence in the shards' files (listed in <c>evidence_parts.csv</c>): the bytes <c>evidence.csv</c> will have once assembled; null otherwise.</summary>
    public long? ListedEvidenceBytes { get; init; }
}
