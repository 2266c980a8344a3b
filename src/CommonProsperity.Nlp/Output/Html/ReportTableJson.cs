using System.Text.Json;

namespace CommonProsperity.Nlp.Output.Html;

/// <summary>
/// Writes a report's header and rows, as <see cref="ReportLayout{TRow}"/> made them for the CSV, into the
/// page's data: <c>{"columns": [...], "rows": [[...], ...], "formats": [...]}</c>. Cells keep the CSV's
/// types and rounding: text as strings, integers as numbers, rates as numbers with the CSV's four
/// decimals, statistics with six significant digits; <c>formats</c> names each column's kind
/// (<c>text</c>, <c>integer</c>, <c>rate</c>, <c>precise</c>) as its cells were typed, so that the page
/// shows each figure as the spreadsheet does and no column is declared a second time.
/// </summary>
internal static class ReportTableJson
{
    /// <summary>Writes the property <paramref name="name"/>: <paramref name="table"/>'s columns and rows.</summary>
    public static void Write(Utf8JsonWriter json, string name, ReportTable table) => Write(json, name, [.. table.Columns], table.Rows);

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
        var formats = new string?[header.Count];
        json.WriteStartArray("rows");
        foreach (var row in rows)
        {
            WriteRow(json, row);
            for (var i = 0; i < formats.Length && i < row.Length; i++)
            {
                formats[i] ??= Format(row[i]);
            }
        }

        json.WriteEndArray();
        json.WriteStartArray("formats");
        foreach (var format in formats)
        {
            json.WriteStringValue(format ?? "text");
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The kind of column a cell says it is in, as the page formats it; null for an empty cell, which says nothing.</summary>
    private static string? Format(object? cell) => cell switch
    {
        null => null,
        int or long => "integer",
        double => "rate",
        PreciseNumber => "precise",
        _ => "text",
    };

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
            case double d when double.IsFinite(d): json.WriteRawValue(CsvReport.Rate(d)); break; // the CSV's rounding, written as a JSON number
            case PreciseNumber p when double.IsFinite(p.Value): json.WriteRawValue(p.Value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)); break; // as the CSV: six significant digits
            default: json.WriteStringValue(Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)); break;
        }
    }
}
