using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Pipeline;

/// <summary>What an <c>analyze</c> run did.</summary>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Tokens">Tokens counted in all.</param>
/// <param name="Characters">Characters analysed in all.</param>
/// <param name="Skipped">Inputs passed over, each with the reason.</param>
/// <param name="Warnings">Other warnings (metadata, lexicon).</param>
/// <param name="Reports">The report files written, as full paths.</param>
/// <param name="Elapsed">The run's wall-clock time.</param>
public sealed record AnalysisResult(
    int Documents,
    long Tokens,
    long Characters,
    IReadOnlyList<SkippedInput> Skipped,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Reports,
    TimeSpan Elapsed);
