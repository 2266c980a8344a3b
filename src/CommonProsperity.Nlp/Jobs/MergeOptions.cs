namespace CommonProsperity.Nlp.Jobs;

/// <summary>How a merge (<see cref="ShardMerger"/>) writes the reports of a single run.</summary>
/// <param name="Workbook">Also <c>reports.xlsx</c>: the merged CSV reports as the sheets of one workbook.</param>
/// <param name="Evidence">
/// Where the evidence rows go: left in the shards' folders and listed (<see cref="MergeEvidence.Parts"/>,
/// the default; <see cref="EvidenceAssembler"/> writes <c>evidence.csv</c> later) or copied into
/// <c>evidence.csv</c> (<see cref="MergeEvidence.Copy"/>).
/// </param>
/// <param name="Charts">Draw the charts (as <c>AnalysisOptions.Charts</c>).</param>
/// <param name="Html">Write <c>report.html</c> (as <c>AnalysisOptions.Html</c>).</param>
public sealed record MergeOptions(bool Workbook = false, MergeEvidence Evidence = MergeEvidence.Parts, bool Charts = true, bool Html = true);
