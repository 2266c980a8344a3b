using System.Globalization;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Reads a WordStat <c>.cat</c> dictionary: a line ending in a number in brackets (<c>	TAX* (1)</c>) is a
/// word with its weight; any other line is a category; tabs (or spaces) in front nest a line under the
/// less indented category above it.
/// </summary>
internal static partial class WordStatReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">A word stands above every category.</exception>
    public static ImportedDictionary Read(string text, string source)
    {
        var lines = TextLines.Split(text);
        var categories = new List<DictionaryCategory>();
        var entries = new List<DictionaryEntry>();
        var open = new List<(int Indent, int Category)>();
        var weights = new HashSet<double>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = index + 1;
            var raw = lines[index].TrimEnd();
            if (raw.Trim().Length == 0)
            {
                continue;
            }

            var indent = raw.TakeWhile(c => c is ' ' or '\t').Sum(c => c == '\t' ? 4 : 1);
            while (open.Count > 0 && open[^1].Indent >= indent)
            {
                open.RemoveAt(open.Count - 1);
            }

            var word = WordLine().Match(raw.Trim());
            if (word.Success)
            {
                if (open.Count == 0)
                {
                    throw new LexiconException($"the word '{word.Groups[1].Value.Trim()}' stands above every category.", source, line,
                        "Put a category line (its name alone) above it, and indent the word with a tab.");
                }

                var weight = double.Parse(word.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
                weights.Add(weight);
                entries.Add(new DictionaryEntry(open[^1].Category, word.Groups[1].Value.Trim(), weight, line));
                continue;
            }

            var parent = open.Count == 0 ? -1 : open[^1].Category;
            open.Add((indent, categories.Count));
            categories.Add(new DictionaryCategory(raw.Trim(), parent, (categories.Count + 1).ToString(CultureInfo.InvariantCulture), line));
        }

        // WordStat writes (1) after every word of an unweighted dictionary: only other numbers are weights.
        var weighted = weights.Count > 1 || weights.Any(w => w != 1);
        return new ImportedDictionary(LexiconFormat.WordStat, categories, weighted ? entries : [.. entries.Select(e => e with { Weight = null })], []);
    }

    /// <summary>Whether <paramref name="line"/> is a WordStat word line (<c>TAX* (1)</c>).</summary>
    public static bool IsWordLine(string line) => WordLine().IsMatch(line.Trim());

    [GeneratedRegex(@"^(.+?)\s*\((-?[0-9]+(?:\.[0-9]+)?)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex WordLine();
}
