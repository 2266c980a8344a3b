namespace CommonProsperity.Nlp.Output;

/// <summary>
/// One row of <c>evidence_parts.csv</c>: a byte range of a shard's evidence file. Concatenated in the
/// listing's order, the ranges are the merged <c>evidence.csv</c>, byte for byte.
/// </summary>
/// <param name="File">The shard's evidence file, relative to the merged folder, with <c>/</c>.</param>
/// <param name="Offset">Where the range starts in the file, in bytes from 0.</param>
/// <param name="Bytes">The range's length in bytes.</param>
/// <param name="Rows">The evidence rows in the range.</param>
/// <param name="FileBytes">The size of the whole file when merged.</param>
/// <param name="FileSha256">The SHA-256 of the whole file, as the shard recorded it.</param>
internal sealed record EvidencePart(string File, long Offset, long Bytes, long Rows, long FileBytes, string FileSha256);
