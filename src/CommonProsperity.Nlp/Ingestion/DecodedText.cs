namespace CommonProsperity.Nlp.Ingestion;

/// <summary>Text decoded from bytes, with the encoding that was detected (reported in the manifest).</summary>
/// <param name="Text">The decoded text, without a byte order mark.</param>
/// <param name="Encoding">The encoding's report name: <c>utf-8</c>, <c>utf-8-bom</c>, <c>utf-16le-bom</c>, <c>utf-16be-bom</c>, <c>utf-16le</c>, <c>utf-16be</c>, <c>gb18030</c>.</param>
internal sealed record DecodedText(string Text, string Encoding);
