using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// A concordance sheet checked by hand: the <c>kwic.csv</c> of <c>kwic --sample</c> with its
/// <c>correct</c> column filled in. Reading it gives each term's, each theme's and the sheet's
/// precision, so that a lexicon can be measured without labelled passages.
/// </summary>
/// <param name="Path">The sheet.</param>
/// <param name="Rows">Lines in the sheet.</param>
/// <param name="Unmarked">Lines whose <c>correct</c> cell was left empty (not counted).</param>
/// <param name="Precisions">Per term (themes in order of first appearance, terms likewise), per theme, and for the whole sheet.</param>
public sealed record ValidatedSample(string Path, int Rows, int Unmarked, IReadOnlyList<ValidatedPrecision> Precisions)
{
    /// <summary>The column holding the marks.</summary>
    public const string CorrectColumn = "correct";

    /// <summary>The most bad rows a message lists before saying how many more there are.</summary>
    private const int MaxListed = 10;

    private static readonly string[] Yes = ["y", "yes", "1", "true"];
    private static readonly string[] No = ["n", "no", "0", "false"];

    /// <summary>Reads and scores a checked sheet.</summary>
    /// <exception cref="InputException">The sheet lacks a column, a mark is not one of y/n/1/0/true/false, or nothing is marked; the message lists the rows (line numbers) and the fix.</exception>
    public static ValidatedSample Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var table = CsvTable.Open(path);
        var term = Require(table, "term");
        var correct = Require(table, CorrectColumn);
        var theme = table.IndexOf("theme");
        var marks = new List<(string Theme, string Term, bool Correct)>();
        var bad = new List<string>();
        var rows = 0;
        var unmarked = 0;
        foreach (var row in table.Rows())
        {
            rows++;
            var mark = row.Get(correct).Trim();
            if (mark.Length == 0)
            {
                unmarked++;
                continue;
            }

            var termText = row.Get(term).Trim();
            if (termText.Length == 0)
            {
                bad.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: the term is empty"));
                continue;
            }

            if (Yes.Contains(mark, StringComparer.OrdinalIgnoreCase) || No.Contains(mark, StringComparer.OrdinalIgnoreCase))
            {
                marks.Add((theme >= 0 ? row.Get(theme).Trim() : string.Empty, termText, Yes.Contains(mark, StringComparer.OrdinalIgnoreCase)));
            }
            else
            {
                bad.Add(string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: '{mark}' is not a mark"));
            }
        }

        if (bad.Count > 0)
        {
            throw new InputException(
                $"{bad.Count} row(s) cannot be read: {string.Join("; ", bad.Take(MaxListed))}{(bad.Count > MaxListed ? $"; and {bad.Count - MaxListed} more" : "")}.",
                path, fix: $"In the '{CorrectColumn}' column write y or n (also yes/no, 1/0, true/false), or leave the cell empty to leave the line out; keep each row's term.");
        }

        if (marks.Count == 0)
        {
            throw new InputException($"none of its {rows} row(s) is marked in the '{CorrectColumn}' column.", path,
                fix: "Open it in a spreadsheet, write y or n in the 'correct' column of each line you have read, save it as CSV, and run this again.");
        }

        return new ValidatedSample(path, rows, unmarked, Score(marks));
    }

    private static List<ValidatedPrecision> Score(List<(string Theme, string Term, bool Correct)> marks)
    {
        static ValidatedPrecision Of(string level, string theme, string term, IEnumerable<(string Theme, string Term, bool Correct)> lines)
        {
            var list = lines.ToList();
            return new ValidatedPrecision(level, theme, term, list.Count, list.Count(l => l.Correct));
        }

        var results = new List<ValidatedPrecision>();
        foreach (var themeGroup in marks.GroupBy(m => m.Theme, StringComparer.Ordinal))
        {
            results.AddRange(themeGroup.GroupBy(m => m.Term, StringComparer.Ordinal).Select(g => Of("term", themeGroup.Key, g.Key, g)));
            if (themeGroup.Key.Length > 0)
            {
                results.Add(Of("theme", themeGroup.Key, string.Empty, themeGroup));
            }
        }

        results.Add(Of("all", string.Empty, string.Empty, marks));
        return results;
    }

    private static int Require(CsvTable table, string column)
    {
        var index = table.IndexOf(column);
        return index >= 0
            ? index
            : throw new InputException($"it has no '{column}' column (its columns: {string.Join(", ", table.Headers)}).", table.Path, null,
                Wording.Of($"Give the kwic.csv that a concordance sample ({OptionName.Sample} N) wrote, with its 'correct' column filled in."));
    }
}
