namespace CommonProsperity.Nlp.Jobs;

/// <summary>What <see cref="EvidenceAssembler"/> wrote.</summary>
/// <param name="Path">The assembled <c>evidence.csv</c>.</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="Parts">The byte ranges it was assembled from.</param>
/// <param name="Files">The shards' evidence files they came from.</param>
/// <param name="Sha256">Its SHA-256, as the updated manifest records it.</param>
/// <param name="Elapsed">The time it took.</param>
public sealed record EvidenceAssembly(string Path, long Bytes, int Parts, int Files, string Sha256, TimeSpan Elapsed);
