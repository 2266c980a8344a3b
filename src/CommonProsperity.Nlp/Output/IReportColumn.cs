namespace CommonProsperity.Nlp.Output;

/// <summary>What the column reference in docs/reports.md shows of a report column.</summary>
internal interface IReportColumn
{
    /// <summary>The header name (for a column <see cref="PerTheme"/>, the part after the theme id).</summary>
    string Name { get; }

    /// <summary>How values are written.</summary>
    ColumnFormat Format { get; }

    /// <summary>What the column holds.</summary>
    string Meaning { get; }

    /// <summary>Whether the column stands once per theme.</summary>
    bool PerTheme { get; }

    /// <summary>When the column stands.</summary>
    ColumnCondition Only { get; }
}
