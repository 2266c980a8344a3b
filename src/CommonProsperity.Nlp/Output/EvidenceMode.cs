namespace CommonProsperity.Nlp.Output;

/// <summary>
/// What <c>evidence.csv</c> holds for each match (docs/reports.md). The context columns are most of the
/// file, several times the size of a Chinese text, so a large run may leave them out: the offsets are
/// enough to find every match again in the text (for example with <c>cpnlp kwic</c>).
/// </summary>
public enum EvidenceMode
{
    /// <summary>Every column: where the match is, and the match with its context (the default).</summary>
    Full,

    /// <summary>Where the match is only: document, theme, term, start, end and sentence; no context columns.</summary>
    Offsets,

    /// <summary>No rows: <c>evidence.csv</c> holds its header only (the counts are in the other reports).</summary>
    None,
}
