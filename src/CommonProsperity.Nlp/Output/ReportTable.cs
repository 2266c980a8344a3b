namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A report's rows, made once and written twice: as its CSV file (<see cref="WriteCsv"/>) and into the
/// command's <c>report.html</c> (<see cref="Html.ReportTableJson"/>), so the page cannot disagree with the CSV.
/// Cells are typed as <see cref="CsvReport.WriteRow"/> takes them.
/// </summary>
/// <param name="File">The report's file name.</param>
/// <param name="Columns">The header.</param>
/// <param name="Rows">The rows, cells in header order.</param>
internal sealed record ReportTable(string File, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>Writes the table as a CSV report at <paramref name="path"/>.</summary>
    public void WriteCsv(string path)
    {
        using var csv = CsvReport.Create(path);
        csv.WriteRow([.. Columns]);
        foreach (var row in Rows)
        {
            csv.WriteRow(row);
        }
    }
}
