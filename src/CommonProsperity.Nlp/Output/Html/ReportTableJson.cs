using System.Text.Json;

namespace CommonProsperity.Nlp.Output.Html;

/// <summary>
/// Writes a report's header and rows, as <see cref="ReportLayout{TRow}"/> made them for the CSV, into the
/// page's data: <c>{"columns": [...], "rows": [[...], ...]}</c>. Cells keep the CSV's types and rounding:
/// text as strings, integers as numbers, rates as numbers with the CSV's four decimals, so that the page
/// shows the same figures as the spreadsheet and no column is declared a second time.
/// </summary>
internal static class ReportTableJson
{
    /// <summary>Writes the property <paramref name="name"/>: the table with <paramref name="header"/> and <paramref name="rows"/>.</summary>
    public static void Write(Utf8JsonWriter json, string name, IReadOnlyList<object?> header, IEnumerable<object?[]> rows)
    {
        json.WriteStartObject(name);
        json.WriteStartArray("columns");
        foreach (var column in header)
        {
            json.WriteStringValue(Convert.ToString(column, System.Globalization.CultureInfo.InvariantCulture));
        }

        json.WriteEndArray();
        json.WriteStartArray("rows");
        foreach (var row in rows)
        {
            WriteRow(json, row);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>One row as an array of cells, typed as <see cref="CsvReport.WriteRow"/> writes them.</summary>
    public static void WriteRow(Utf8JsonWriter json, IEnumerable<object?> cells)
    {
        json.WriteStartArray();
        foreach (var cell in cells)
        {
            WriteCell(json, cell);
        }

        json.WriteEndArray();
    }

    private static void WriteCell(Utf8JsonWriter json, object? cell)
    {
        switch (cell)
        {
            case null: json.WriteStringValue(string.Empty); break;
            case string s: json.WriteStringValue(s); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteRawValue(CsvReport.Rate(d)); break; // the CSV's rounding, written as a JSON number
            default: json.WriteStringValue(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
