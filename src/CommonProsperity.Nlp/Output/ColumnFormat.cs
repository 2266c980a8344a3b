
namespace CommonProsperity.Nlp.Output;

/// <summary>How a report column's values are written (docs/reports.md says the same in words).</summary>
internal enum ColumnFormat
{
    /// <summary>Text as it is; a cell a spreadsheet would run as a formula gets a leading <c>'</c>.</summary>
    Text,

    /// <summary>A whole number, invariant culture.</summary>
    Integer,

    /// <summary>A number with four decimals (rates and shares).</summary>
    Rate,

    /// <summary>A number with six significant digits (<c>1.23457E-05</c>): statistics and p-values, which span many orders of magnitude.</summary>
    Precise,
}
