namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Evidence rows formatted earlier and still in a file (a shard's <c>partial_evidence.csv</c>), handed
/// out in order: a merge copies them into <c>evidence.csv</c> as bytes, never holding a document's rows
/// in a buffer of their own, and never parsing them.
/// </summary>
internal interface IEvidenceSource
{
    /// <summary>Reads the next <c>destination.Length</c> bytes of rows into <paramref name="destination"/>.</summary>
    /// <exception cref="Errors.InputException">The file ends before them, or cannot be read.</exception>
    void ReadNext(Span<byte> destination);
}
