namespace CommonProsperity.Nlp.Output;

/// <summary>What the column reference in docs/reports.md shows of a report.</summary>
internal interface IReportLayout
{
    /// <summary>The report's file name.</summary>
    string File { get; }

    /// <summary>What one row stands for.</summary>
    string Rows { get; }

    /// <summary>The columns, in order.</summary>
    IReadOnlyList<IReportColumn> Columns { get; }

    /// <summary>Whether the documents' other metadata columns follow at the end.</summary>
    bool MetadataColumns { get; }

    /// <summary>What the per-theme columns stand once for, as the column reference names it (<c>&lt;theme&gt;</c>).</summary>
    string Each { get; }
}
