namespace CommonProsperity.Nlp.Jobs;

/// <summary>How far a run has got, reported every few seconds.</summary>
/// <param name="Documents">Documents analysed so far.</param>
/// <param name="Files">Input files listed in all.</param>
/// <param name="Characters">Characters analysed so far.</param>
/// <param name="Elapsed">Time since the run started.</param>
public readonly record struct AnalysisProgress(int Documents, int Files, long Characters, TimeSpan Elapsed);
