namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A shard's <c>partial_evidence.csv</c> as a merge found it, for a merged folder that lists the
/// shards' evidence instead of copying it (<see cref="EvidenceParts"/>): where it is, its size, the
/// SHA-256 the shard recorded for it in <c>partial.sha256</c>, and the length of its header (byte order
/// mark and header record), which only the first part of the merged evidence keeps.
/// </summary>
/// <param name="Path">The file's absolute path.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256 as <c>partial.sha256</c> records it, lower-case hex.</param>
/// <param name="Preamble">The bytes of its header.</param>
internal sealed record ShardEvidenceFile(string Path, long Bytes, string Sha256, int Preamble);
