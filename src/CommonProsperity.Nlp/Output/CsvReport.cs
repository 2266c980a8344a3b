using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CsvHelper;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The house format of every CSV report: RFC 4180 (comma, double quotes, CRLF), UTF-8 with a byte
/// order mark so that Excel shows Chinese correctly, invariant culture for numbers, and cells that a
/// spreadsheet would run as formulas (starting with <c>= + - @</c>, tab or CR) escaped with a leading <c>'</c>.
/// </summary>
internal static class CsvReport
{
    /// <summary>The writer options of every report.</summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Opens a report file for writing.</summary>
    /// <exception cref="OutputException">The file cannot be created.</exception>
    public static CsvWriter Create(string path)
    {
        try
        {
            return CsvWriter.ToFile(path, Options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputException.Writing(path, e);
        }
    }

    /// <summary>
    /// Undoes the formula escape of a cell read back from a report: a leading <c>'</c> followed by
    /// <c>= + - @</c>, tab or CR is removed (<c>'=SUM(A1)</c> becomes <c>=SUM(A1)</c>); any other value is
    /// returned as it is. Excel hides the <c>'</c> already; scripts reading the CSV need this to get the
    /// text as it stands in the document. A value that itself began with such an apostrophe (<c>'=x</c>
    /// in the source text) cannot be told apart from an escaped one and loses its apostrophe.
    /// </summary>
    public static string UnescapeFormula(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Length >= 2 && cell[0] == Options.InjectionEscape && Options.InjectionCharacters.Contains(cell[1]) ? cell[1..] : cell;
    }

    /// <summary>A rate with four decimals, invariant culture (for example <c>12.3457</c>).</summary>
    public static string Rate(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>An integer, invariant culture.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes one record: texts as they are (formula-escaped), integers invariant, doubles as <see cref="Rate"/>,
    /// <see cref="PreciseNumber"/>s with six significant digits. Numbers are written as numbers, so a
    /// negative one keeps its minus sign (the formula escape is for text only).
    /// </summary>
    public static void WriteRow(this CsvWriter writer, params ReadOnlySpan<object?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var field in fields)
        {
            switch (field)
            {
                case null: writer.WriteField(string.Empty); break;
                case string s: writer.WriteField(s); break;
                case int i: writer.WriteField(i, "", CultureInfo.InvariantCulture); break;
                case long l: writer.WriteField(l, "", CultureInfo.InvariantCulture); break;
                case double d: writer.WriteField(d, "0.0000", CultureInfo.InvariantCulture); break;
                case PreciseNumber p: writer.WriteField(p.Value, "G6", CultureInfo.InvariantCulture); break;
                default: writer.WriteField(Convert.ToString(field, CultureInfo.InvariantCulture) ?? string.Empty); break;
            }
        }

        writer.EndRecord();
    }
}
