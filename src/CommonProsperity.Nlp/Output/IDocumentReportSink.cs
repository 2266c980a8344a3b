namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Where <c>analyze</c> hands each document's results, in input order: the reports of a run
/// (<see cref="AnalysisReportWriter"/>) or a shard's partial results (<see cref="PartialResultWriter"/>).
/// Nothing a sink writes is visible under its final name before <see cref="Complete"/>.
/// </summary>
internal interface IDocumentReportSink : IDisposable
{
    /// <summary>Takes one document of input file <paramref name="file"/> (its index in the run's list of files), in input order.</summary>
    void Add(int file, DocumentReport report);

    /// <summary>
    /// Opens the evidence file for the rows of the next document to be added, a large one still being
    /// analysed (<see cref="EvidenceTurn"/>): they are written straight in while nothing else is added.
    /// </summary>
    IEvidenceTarget OpenEvidence();

    /// <summary>Writes what needs the whole run, then moves every file into place together.</summary>
    /// <returns>The final paths of the files written.</returns>
    IReadOnlyList<string> Complete(AnalysisRun run);
}
