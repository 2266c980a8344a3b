namespace CommonProsperity.Nlp.Jobs;

/// <summary>What a merge (<see cref="ShardMerger"/>) writes besides the reports of a single run.</summary>
/// <param name="Workbook">Also <c>reports.xlsx</c>: the merged CSV reports as the sheets of one workbook.</param>
/// <param name="EvidenceParts">
/// Leave the evidence rows in the shards' folders: instead of copying them into <c>evidence.csv</c>,
/// list their byte ranges in <c>evidence_parts.csv</c> (<see cref="EvidenceAssembler"/> writes
/// <c>evidence.csv</c> from it, byte for byte the file a copying merge writes). The merge then reads
/// none of the evidence, so its time and memory follow the documents, not the evidence's size; the
/// shards' folders must stay in place, unchanged, until the evidence is assembled.
/// </param>
public sealed record MergeOptions(bool Workbook = false, bool EvidenceParts = false);
