using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Reads a LIWC-22 <c>.dicx</c> dictionary: CSV whose first column, <c>DicTerm</c>, holds the words and
/// whose other columns are the categories; a cell holds <c>X</c> when the word belongs to the category,
/// or a number, its weight in a weighted dictionary, and is empty otherwise.
/// </summary>
internal static class LiwcDicxReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">The CSV is malformed, or a cell is neither empty, X nor a number.</exception>
    public static ImportedDictionary Read(string text, string source)
    {
        CsvTable table;
        try
        {
            table = CsvTable.FromText(text.TrimStart('\uFEFF'), source);
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, source, e.Line, e.Fix);
        }

        var termColumn = table.IndexOf("DicTerm");
        if (termColumn < 0)
        {
            throw new LexiconException("a .dicx file has no column 'DicTerm'.", source, 1, "The first row must name the word column 'DicTerm' and then one column per category.");
        }

        var columns = Enumerable.Range(0, table.Headers.Count).Where(c => c != termColumn && table.Headers[c].Length > 0).ToArray();
        var categories = columns.Select((c, i) => new DictionaryCategory(table.Headers[c], -1, (i + 1).ToString(CultureInfo.InvariantCulture), 1)).ToList();
        var entries = new List<DictionaryEntry>();
        try
        {
            foreach (var row in table.Rows())
            {
                var line = (int)row.Line;
                var word = row.Get(termColumn).Trim();
                if (word.Length == 0)
                {
                    continue;
                }

                for (var i = 0; i < columns.Length; i++)
                {
                    var cell = row.Get(columns[i]).Trim();
                    if (cell.Length == 0)
                    {
                        continue;
                    }

                    if (cell is "X" or "x")
                    {
                        entries.Add(new DictionaryEntry(i, word, null, line));
                    }
                    else if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && double.IsFinite(weight))
                    {
                        entries.Add(new DictionaryEntry(i, word, weight, line));
                    }
                    else
                    {
                        throw new LexiconException($"the cell '{cell}' of '{word}' in the column '{table.Headers[columns[i]]}' is neither X nor a number.", source, line,
                            "Write X where the word belongs to the category, its weight as a number (with a '.' for decimals) in a weighted dictionary, or leave the cell empty.");
                    }
                }
            }
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, source, e.Line, e.Fix);
        }

        return new ImportedDictionary(LexiconFormat.LiwcDicx, categories, entries, []);
    }
}
