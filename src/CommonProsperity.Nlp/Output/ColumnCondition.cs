namespace CommonProsperity.Nlp.Output;

/// <summary>When a report column stands: always, or only for lexicons that need it (so that a lexicon without labels or weights gives the same reports as before these columns existed), or only with the full evidence.</summary>
internal enum ColumnCondition
{
    /// <summary>In every report.</summary>
    Always,

    /// <summary>Only when the lexicon's themes have labels other than their ids (a dictionary's category names).</summary>
    ThemeLabels,

    /// <summary>Only when the lexicon's terms have weights.</summary>
    Weights,

    /// <summary>Only with the full evidence (<see cref="EvidenceMode.Full"/>): the context columns of <c>evidence.csv</c>.</summary>
    FullEvidence,
}
