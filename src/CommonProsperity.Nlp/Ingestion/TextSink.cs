namespace CommonProsperity.Nlp.Ingestion;

/// <summary>Where a reader writes the text it extracts, piece by piece (a <see cref="System.Text.StringBuilder"/> or a <see cref="SpooledText"/>).</summary>
/// <param name="text">The next piece.</param>
internal delegate void TextSink(ReadOnlySpan<char> text);
