namespace CommonProsperity.Nlp.Ingestion;

/// <summary>An input file as the manifest lists it.</summary>
/// <param name="Path">The file relative to its input folder, with <c>/</c>.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Sha256">Hex SHA-256 of its bytes.</param>
/// <param name="Format">How it was read.</param>
/// <param name="Encoding">The detected encoding.</param>
/// <param name="Documents">How many documents it gave (rows for CSV).</param>
/// <param name="EncodingBy">How the encoding was decided (byte order mark, valid UTF-8, the charset detector and its confidence, ...); null for PDF.</param>
internal sealed record InputFileRecord(string Path, long Bytes, string Sha256, string Format, string Encoding, int Documents, string? EncodingBy = null);
