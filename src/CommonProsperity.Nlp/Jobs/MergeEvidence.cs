namespace CommonProsperity.Nlp.Jobs;

/// <summary>Where a merge (<see cref="ShardMerger"/>) puts the shards' evidence rows.</summary>
public enum MergeEvidence
{
    /// <summary>
    /// Leave them in the shards' folders and list their byte ranges in <c>evidence_parts.csv</c> (the
    /// default): the merge reads none of the evidence, so its time and memory follow the documents, not
    /// the evidence's size. <c>evidence.csv</c> is not in the merged folder until
    /// <see cref="EvidenceAssembler"/> writes it, byte for byte the file <see cref="Copy"/> gives; until
    /// then the shards' folders must stay in place, unchanged. Shards that kept no evidence rows
    /// (<c>EvidenceMode.None</c>: a header only) are copied anyway, there being nothing to leave.
    /// </summary>
    Parts,

    /// <summary>
    /// Copy them into <c>evidence.csv</c> (checked against each shard's checksum on the way): the merged
    /// folder stands on its own and the shards may be deleted, but the merge reads and writes every
    /// byte of the evidence, so its time grows with the corpus.
    /// </summary>
    Copy,
}
