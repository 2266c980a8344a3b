using System.Globalization;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// One column of a report, declared once: its name, how it is written, what it means, and how its value
/// is read off a row. The writer, the docs generator (docs/reports.md) and the tests all read the same
/// declaration, so adding a column is one line.
/// </summary>
/// <typeparam name="TRow">What one report row is made from.</typeparam>
/// <param name="Name">The header name; for a column <see cref="PerTheme"/>, the part after the theme id (<c>_hits</c> gives <c>inequality_hits</c>, ...).</param>
/// <param name="Format">How values are written.</param>
/// <param name="Meaning">What the column holds, for docs/reports.md.</param>
/// <param name="Value">The value for a row (and, for a column <see cref="PerTheme"/>, a theme index).</param>
/// <param name="PerTheme">Whether the column stands once per theme, in codebook order.</param>
/// <param name="Only">When the column stands (see <see cref="ReportLayout{TRow}.For"/>).</param>
internal sealed record ReportColumn<TRow>(string Name, ColumnFormat Format, string Meaning, Func<TRow, int, object?> Value, bool PerTheme = false, ColumnCondition Only = ColumnCondition.Always) : IReportColumn
{
    /// <summary>A column that stands once.</summary>
    public ReportColumn(string name, ColumnFormat format, string meaning, Func<TRow, object?> value, ColumnCondition only = ColumnCondition.Always)
        : this(name, format, meaning, (row, _) => value(row), Only: only)
    {
    }

    /// <summary>The cell for <paramref name="row"/>, typed as <see cref="Format"/> says (<see cref="CsvReport.WriteRow"/> writes it).</summary>
    public object? Cell(TRow row, int theme = 0)
    {
        var value = Value(row, theme);
        return Format switch
        {
            ColumnFormat.Integer => value is null ? null : Convert.ToInt64(value, CultureInfo.InvariantCulture),
            ColumnFormat.Rate => value is null ? null : Convert.ToDouble(value, CultureInfo.InvariantCulture),
            ColumnFormat.Precise => value is null ? null : new PreciseNumber(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
            _ => value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }
}
