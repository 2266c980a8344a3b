using System.Data;
using System.Globalization;
using System.Reflection;
using CsvHelper;
using MiniExcel = MiniExcelLibs.MiniExcel;
using OpenXmlConfiguration = MiniExcelLibs.OpenXml.OpenXmlConfiguration;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// One Excel workbook (<c>reports.xlsx</c>, written with MiniExcel) with a sheet per CSV report of a run,
/// made from the CSV files just written, so the cells are the CSV's cells: the same rounding, the same
/// formula escape (a text that a spreadsheet would run as a formula keeps its leading <c>'</c>, and is
/// stored as text, never as a formula). Each column is typed by the report's declared columns
/// (<see cref="IReportLayout"/>, the one source of a column's format): integers, rates and statistics are
/// numbers, everything else text. Nothing is guessed from the cells: a report whose header the declarations
/// do not give is a bug, and stops the run. The header row is frozen. A sheet holds at most <see cref="MaxRows"/> rows (Excel's limit); a longer
/// report ends with a row saying how many more are in its CSV.
/// </summary>
internal static class Workbook
{
    /// <summary>Rows an Excel sheet holds, the header included.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>
    /// Every declared report layout: the static properties of the library that hold one (<see cref="AnalysisReports.ThemeFrequency"/>,
    /// ...), found by reflection, so that a new report is typed here as soon as it is declared. A file may have more
    /// than one (<c>kwic.csv</c>, sampled or not).
    /// </summary>
    internal static IReadOnlyList<IReportLayout> Declared { get; } =
    [
        .. typeof(Workbook).Assembly.GetTypes()
            .Where(t => !t.ContainsGenericParameters)
            .SelectMany(t => t.GetProperties(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(p => typeof(IReportLayout).IsAssignableFrom(p.PropertyType) && p.GetIndexParameters().Length == 0)
            .Select(p => (IReportLayout)p.GetValue(null)!),
    ];

    /// <summary>Writes the workbook of the CSV <paramref name="reports"/> (each a report whose columns are declared in <see cref="Declared"/>) to <paramref name="path"/>.</summary>
    /// <param name="path">The workbook to write (replaced if it exists).</param>
    /// <param name="reports">The CSV reports, in sheet order.</param>
    /// <param name="maxRows">Rows per sheet, the header included (tests lower it).</param>
    /// <exception cref="InvalidOperationException">A report's header is not one its declarations give (a bug: declare its columns in <c>Output/</c>).</exception>
    public static void Write(string path, IReadOnlyList<string> reports, int maxRows = MaxRows)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var csv in reports)
        {
            sheets[SheetName(csv, sheets.Keys)] = Sheet(csv, maxRows);
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

    /// <summary>
    /// The declared format of each column of <paramref name="header"/>, the header of the report named
    /// <paramref name="file"/>: the first of its declared layouts that gives this header (its conditional
    /// columns present or not, its per-theme columns once for each of the same themes, then <c>meta_*</c>
    /// columns where it has them), read off that layout.
    /// </summary>
    /// <exception cref="InvalidOperationException">No declared layout gives this header.</exception>
    internal static IReadOnlyList<ColumnFormat> Formats(string file, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var name = Path.GetFileName(file);
        var layouts = Declared.Where(l => string.Equals(l.File, name, StringComparison.Ordinal)).ToList();
        foreach (var layout in layouts)
        {
            var metadata = 0;
            while (layout.MetadataColumns && metadata < header.Count && header[header.Count - 1 - metadata].StartsWith(ReportLayout<object>.MetadataPrefix, StringComparison.Ordinal))
            {
                metadata++;
            }

            var conditions = layout.Columns.Select(c => c.Only).Where(o => o != ColumnCondition.Always).Distinct().ToList();
            for (var present = 0; present < 1 << conditions.Count; present++)
            {
                var kept = layout.Columns.Where(c => c.Only == ColumnCondition.Always || (present & (1 << conditions.IndexOf(c.Only))) != 0).ToList();
                if (Match(kept, header, header.Count - metadata) is { } formats)
                {
                    return [.. formats, .. Enumerable.Repeat(ColumnFormat.Text, metadata)];
                }
            }
        }

        throw new InvalidOperationException(layouts.Count == 0
            ? $"{name} has no declared columns: declare its layout (a static ReportLayout property) in Output/."
            : $"the header of {name} ({string.Join(",", header)}) is not one its declared columns give: the writer and the declaration in Output/ disagree.");
    }

    /// <summary>The formats of the first <paramref name="count"/> header names when they are exactly <paramref name="columns"/> (per-theme columns once for each of the same themes), else null.</summary>
    private static List<ColumnFormat>? Match(List<IReportColumn> columns, IReadOnlyList<string> header, int count)
    {
        var fixedColumns = columns.Count(c => !c.PerTheme);
        var perTheme = columns.Count - fixedColumns;
        if (count < fixedColumns || (perTheme == 0 ? count != fixedColumns : (count - fixedColumns) % perTheme != 0))
        {
            return null;
        }

        var themes = perTheme == 0 ? 0 : (count - fixedColumns) / perTheme;
        string[]? prefixes = null;
        var formats = new List<ColumnFormat>(count);
        foreach (var column in columns)
        {
            if (!column.PerTheme)
            {
                if (!string.Equals(header[formats.Count], column.Name, StringComparison.Ordinal))
                {
                    return null;
                }

                formats.Add(column.Format);
                continue;
            }

            // Each per-theme column stands once per theme, in the same theme order as the others: the same prefixes.
            var names = header.Skip(formats.Count).Take(themes).ToArray();
            if (!names.All(n => n.EndsWith(column.Name, StringComparison.Ordinal) && n.Length > column.Name.Length))
            {
                return null;
            }

            var these = names.Select(n => n[..^column.Name.Length]).ToArray();
            if (prefixes is not null && !prefixes.SequenceEqual(these, StringComparer.Ordinal))
            {
                return null;
            }

            prefixes = these;
            formats.AddRange(Enumerable.Repeat(column.Format, themes));
        }

        return formats;
    }

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

    private static DataTable Sheet(string csv, int maxRows)
    {
        var (header, rows, total) = Read(csv, maxRows - 1);
        var formats = Formats(csv, header);
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
}
