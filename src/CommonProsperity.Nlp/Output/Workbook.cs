using System.Data;
using System.Globalization;
using CsvHelper;
using MiniExcel = MiniExcelLibs.MiniExcel;
using OpenXmlConfiguration = MiniExcelLibs.OpenXml.OpenXmlConfiguration;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// One Excel workbook (<c>reports.xlsx</c>, written with MiniExcel) with a sheet per CSV report of a run,
/// made from the CSV files just written, so the cells are the CSV's cells: the same rounding, the same
/// formula escape (a text that a spreadsheet would run as a formula keeps its leading <c>'</c>, and is
/// stored as text, never as a formula). Each column is typed by the report's declared columns
/// (<see cref="IReportLayout"/>): integers and rates are numbers, everything else text; a report
/// without a declaration has a column typed as numbers only when every cell is a plain number.
/// The header row is frozen. A sheet holds at most <see cref="MaxRows"/> rows (Excel's limit); a longer
/// report ends with a row saying how many more are in its CSV.
/// </summary>
internal static class Workbook
{
    /// <summary>Rows an Excel sheet holds, the header included.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Writes the workbook of <paramref name="reports"/> (each a CSV file and, when declared, its layout) to <paramref name="path"/>.</summary>
    /// <param name="path">The workbook to write (replaced if it exists).</param>
    /// <param name="reports">The CSV reports, in sheet order.</param>
    /// <param name="maxRows">Rows per sheet, the header included (tests lower it).</param>
    public static void Write(string path, IReadOnlyList<(string Csv, IReportLayout? Layout)> reports, int maxRows = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (csv, layout) in reports)
        {
            sheets[SheetName(csv, sheets.Keys)] = Sheet(csv, layout, maxRows);
        }

        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1, FreezeColumnCount = 0, AutoFilter = true, FastMode = true, EnableAutoWidth = true };
        try
        {
            MiniExcel.SaveAs(path, sheets, configuration: configuration, overwriteFile: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputException.Writing(path, e);
        }
    }

    /// <summary>The declared layout of the report named <paramref name="file"/>, or null when its columns are not declared.</summary>
    public static IReportLayout? LayoutOf(string file) =>
        AnalysisReports.All.Concat(AnalysisReports.MergeOnly).Concat(ReportReference.Discovery).Concat(ClassificationReports.All).FirstOrDefault(l => string.Equals(l.File, Path.GetFileName(file), StringComparison.Ordinal));

    /// <summary>The sheet name for a report: its file name without <c>.csv</c>, cut to Excel's 31 characters and made unique.</summary>
    internal static string SheetName(string csv, IEnumerable<string> taken)
    {
        var name = Path.GetFileNameWithoutExtension(csv);
        name = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c)]);
        name = name.Length > 31 ? name[..31] : name;
        var unique = name;
        for (var i = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); i++)
        {
            var suffix = "_" + i.ToString(CultureInfo.InvariantCulture);
            unique = name[..Math.Min(name.Length, 31 - suffix.Length)] + suffix;
        }

        return unique;
    }

    private static DataTable Sheet(string csv, IReportLayout? layout, int maxRows)
    {
        var (header, rows, total) = Read(csv, maxRows - 1);
        var formats = header.Select((name, c) => FormatOf(name, layout) ?? Infer(rows, c)).ToArray();
        var table = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var (name, format) in header.Zip(formats))
        {
            table.Columns.Add(name, format == ColumnFormat.Text ? typeof(string) : typeof(double));
        }

        // A report longer than the sheet keeps one row fewer, for the note that says where the rest is.
        var kept = total > maxRows - 1 ? maxRows - 2 : rows.Count;
        for (var r = 0; r < kept; r++)
        {
            var row = table.NewRow();
            for (var c = 0; c < header.Count; c++)
            {
                var cell = c < rows[r].Length ? rows[r][c] : string.Empty;
                row[c] = cell.Length == 0 ? DBNull.Value : formats[c] == ColumnFormat.Text ? cell : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            table.Rows.Add(row);
        }

        if (kept < total)
        {
            var note = table.NewRow();
            var text = string.Create(CultureInfo.InvariantCulture, $"... {total - kept:N0} more rows in {Path.GetFileName(csv)} (an Excel sheet holds {maxRows:N0} rows)");
            if (formats[0] == ColumnFormat.Text)
            {
                note[0] = text;
            }

            table.Rows.Add(note);
        }

        return table;
    }

    /// <summary>The header and the first <paramref name="keep"/> rows of a report, and how many rows it has in all.</summary>
    private static (List<string> Header, List<string[]> Rows, long Total) Read(string csv, int keep)
    {
        using var reader = CsvReader.FromFile(csv, CsvReaderOptions.Default);
        List<string> header = [.. reader.Headers];
        var rows = new List<string[]>();
        long total = 0;
        while (reader.Read())
        {
            if (total++ < keep)
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                rows.Add(fields);
            }
        }

        return (header, rows, total);
    }

    /// <summary>The declared format of column <paramref name="name"/>, or null when the report declares no such column.</summary>
    private static ColumnFormat? FormatOf(string name, IReportLayout? layout)
    {
        if (layout is null)
        {
            return null;
        }

        if (name.StartsWith(ReportLayout<object>.MetadataPrefix, StringComparison.Ordinal))
        {
            return ColumnFormat.Text;
        }

        var column = layout.Columns.FirstOrDefault(c => !c.PerTheme && c.Name == name)
            ?? layout.Columns.FirstOrDefault(c => c.PerTheme && name.EndsWith(c.Name, StringComparison.Ordinal));
        return column?.Format ?? ColumnFormat.Text;
    }

    /// <summary>Numbers when every non-empty cell is a plain number (no leading zero, so ids such as <c>007</c> stay text), else text.</summary>
    private static ColumnFormat Infer(List<string[]> rows, int column)
    {
        var any = false;
        foreach (var row in rows)
        {
            var cell = column < row.Length ? row[column] : string.Empty;
            if (cell.Length == 0)
            {
                continue;
            }

            any = true;
            var digits = cell.TrimStart('-');
            if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _) || (digits.Length > 1 && digits[0] == '0' && digits[1] != '.')
                || cell.Contains(',', StringComparison.Ordinal) || char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]) || cell[0] == '+' || cell.EndsWith('.'))
            {
                return ColumnFormat.Text;
            }
        }

        return any ? ColumnFormat.Rate : ColumnFormat.Text;
    }
}
