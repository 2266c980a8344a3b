using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Reads labelled passages: a CSV with <c>text</c> and <c>themes</c> (theme ids separated by <c>;</c>,
/// empty for none), optional <c>id</c>, <c>document</c> and <c>lang</c>. The same shape the tool writes,
/// so a user can correct its output in a spreadsheet and feed it back.
/// </summary>
internal static class LabelSetReader
{
    /// <summary>Reads a label file; every theme id must be one of <paramref name="knownThemes"/>.</summary>
    /// <exception cref="InputException">The file is malformed; the message names the row and the fix.</exception>
    public static IReadOnlyList<LabeledPassage> Read(string path, IReadOnlyCollection<string> knownThemes) =>
        Read(path, knownThemes, out _);

    /// <summary>Reads a label file and says whether its ids were written in it (an <c>id</c> column) or are row numbers.</summary>
    internal static IReadOnlyList<LabeledPassage> Read(string path, IReadOnlyCollection<string> knownThemes, out bool hasIdColumn)
    {
        ArgumentNullException.ThrowIfNull(knownThemes);
        var table = CsvTable.Open(path);
        var text = Require(table, "text");
        var themes = Require(table, "themes");
        var id = table.IndexOf("id");
        hasIdColumn = id >= 0;
        var document = table.IndexOf("document");
        var lang = table.IndexOf("lang");
        if (lang < 0)
        {
            lang = table.IndexOf("language");
        }

        var known = new HashSet<string>(knownThemes, StringComparer.Ordinal);
        var passages = new List<LabeledPassage>();
        var number = 0;
        foreach (var row in table.Rows())
        {
            number++;
            var passageText = row.Get(text);
            if (string.IsNullOrWhiteSpace(passageText))
            {
                throw new InputException("the text is empty.", path, row.Line, "Fill in the passage or delete the row.");
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            foreach (var raw in row.Get(themes).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var theme = raw.ToLowerInvariant();
                if (!known.Contains(theme))
                {
                    throw new InputException($"unknown theme '{raw}'.", path, row.Line,
                        $"Use the theme ids {string.Join(", ", knownThemes)}, separated by ';'.");
                }

                set.Add(theme);
            }

            var passageId = id >= 0 && row.Get(id).Trim().Length > 0 ? row.Get(id).Trim() : number.ToString(CultureInfo.InvariantCulture);
            var language = lang >= 0 ? row.Get(lang).Trim().ToLowerInvariant() : string.Empty;
            passages.Add(new LabeledPassage(passageId, passageText, set, document >= 0 ? row.Get(document).Trim() : null,
                language.Length > 0 ? language : LanguageGuesser.Guess(passageText), row.Line));
        }

        if (passages.Count == 0)
        {
            throw new InputException("the label file has no rows.", path, fix: "Add labelled passages below the header.");
        }

        return passages;
    }

    private static int Require(CsvTable table, string column)
    {
        var index = table.IndexOf(column);
        if (index < 0)
        {
            throw new InputException($"there is no '{column}' column (found: {string.Join(", ", table.Headers)}).", table.Path, 1,
                "A label file needs the columns text and themes (theme ids separated by ';'); id, document and lang are optional.");
        }

        return index;
    }
}
