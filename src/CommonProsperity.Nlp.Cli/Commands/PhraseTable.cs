using System.Globalization;
using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The console table of <c>ngrams</c> and <c>collocations</c>: their columns, after a group column when the documents are grouped.</summary>
internal static class PhraseTable
{
    /// <summary>Prints <paramref name="rows"/> with <paramref name="columns"/>, first a <c>group</c> column (<paramref name="group"/>) when <paramref name="by"/> names a grouping.</summary>
    public static void Write<T>(TextWriter writer, string? by, IEnumerable<T> rows, Func<T, string> group, IReadOnlyList<Column<T>> columns)
    {
        IReadOnlyList<Column<T>> all = string.IsNullOrWhiteSpace(by) ? columns : [new("group", group), .. columns];
        ConsoleTable.Write(writer, [.. all.Select(c => c.Header)], rows.Select(row => (IReadOnlyList<string>)[.. all.Select(c => c.Value(row))]),
            all.Select((c, i) => (c.Numeric, i)).Where(x => x.Numeric).Select(x => x.i).ToHashSet());
    }

    /// <summary>How the unit is named in the summary line.</summary>
    public static string Name(PhraseUnit unit) => unit == PhraseUnit.Characters ? "Chinese characters" : "words";

    /// <summary>A whole number, invariant.</summary>
    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number with <paramref name="format"/>, invariant.</summary>
    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A column: its header, its cell of a row, and whether it is right-aligned.</summary>
    public readonly record struct Column<T>(string Header, Func<T, string> Value, bool Numeric = false);
}
