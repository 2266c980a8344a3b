namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A <see cref="CsvRowBuffer"/> would grow past its limit: the evidence rows of one document do not fit
/// in memory. <see cref="DocumentReportBuilder"/> turns it into an <see cref="Errors.InputException"/>
/// naming the document, so that the document is skipped with a fix and the run goes on.
/// </summary>
internal sealed class EvidenceLimitException(int limit)
    : Exception($"the rows would take more than {limit} bytes.")
{
    /// <summary>The limit in bytes.</summary>
    public int Limit { get; } = limit;
}
