using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Reads lexicons: the project's CSV format (header <c>theme,term</c>, optional <c>lang</c>, <c>note</c>,
/// <c>exclude</c> and other columns) and LIWC-style <c>.dic</c> dictionaries. Every rule broken stops the load with
/// the file, the line and what to change.
/// </summary>
public static partial class LexiconLoader
{
    /// <summary>Loads a lexicon file, choosing the format by extension (<c>.dic</c> is LIWC, anything else CSV).</summary>
    /// <exception cref="LexiconException">The file breaks the format.</exception>
    public static Lexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LexiconException("the lexicon file does not exist.", path, fix: "Check the path given to --lexicon, or run 'cpnlp lexicon export' to get the built-in one.");
        }

        byte[] bytes;
        try
        {
            bytes = FileSystem.InputFile.ReadAll(path); // a regular file only, opened without blocking
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LexiconException($"cannot read the lexicon ({e.Message}).", path);
        }

        string text;
        try
        {
            text = TextDecoder.Decode(bytes, path).Text;
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, path, fix: e.Fix);
        }

        return path.EndsWith(".dic", StringComparison.OrdinalIgnoreCase)
            ? FromLiwcText(text, path)
            : FromCsvText(text, path);
    }

    /// <summary>Parses a CSV lexicon held in memory; <paramref name="source"/> names it in messages.</summary>
    public static Lexicon FromCsvText(string text, string source)
    {
        CsvTable table;
        try
        {
            table = CsvTable.FromText(text, source);
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, source, e.Line, e.Fix);
        }

        var themeColumn = RequireColumn(table, "theme", source);
        var termColumn = RequireColumn(table, "term", source);
        var langColumn = table.IndexOf("lang");
        if (langColumn < 0)
        {
            langColumn = table.IndexOf("language");
        }

        var noteColumn = table.IndexOf("note");
        var excludeColumn = table.IndexOf("exclude");
        var terms = new List<LexiconTerm>();
        var warnings = new List<string>();
        var seen = new Dictionary<(string Theme, string Pattern), long>();
        try
        {
            foreach (var row in table.Rows())
            {
                if (row.Fields.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var line = (int)row.Line;
                var theme = row.Get(themeColumn).Trim().ToLowerInvariant();
                ValidateThemeId(theme, source, line);
                var term = row.Get(termColumn);
                var pattern = TermPattern.Parse(term, source, line);
                if (seen.TryGetValue((theme, pattern.ToString()), out var first))
                {
                    warnings.Add($"{source}:{line}: '{term.Trim()}' repeats line {first} for theme '{theme}' and is counted once.");
                    continue;
                }

                seen[(theme, pattern.ToString())] = line;
                if (TermPattern.UnmatchablePunctuation(term) is { } mark)
                {
                    warnings.Add($"{source}:{line}: '{term.Trim()}' has a '{mark}' between words, which breaks a phrase in the text, so it only matches text without the '{mark}'. Write the words with a space (for example 'u s tariffs' for U.S. tariffs).");
                }

                var lang = row.Get(langColumn).Trim();
                var note = row.Get(noteColumn).Trim();
                var exclude = ParseExclusions(row.Get(excludeColumn), pattern, term.Trim(), source, line);
                terms.Add(new LexiconTerm(theme, term.Trim(), lang.Length == 0 ? null : lang, note.Length == 0 ? null : note, line, exclude));
            }
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, source, e.Line, e.Fix);
        }

        return Build(terms, source, warnings);
    }

    /// <summary>
    /// Parses a LIWC-style dictionary: a header block between two lines of <c>%</c> that numbers the
    /// categories (<c>1	posemo</c>), then one entry a line: the word (a trailing <c>*</c> is a prefix)
    /// and its category numbers. Category names become theme ids (lower case).
    /// </summary>
    public static Lexicon FromLiwcText(string text, string source)
    {
        var lines = text.Split('\n');
        var categories = new Dictionary<string, string>(StringComparer.Ordinal);
        var categoryLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var terms = new List<LexiconTerm>();
        var warnings = new List<string>();
        var seen = new Dictionary<(string, string), int>();
        var lastLine = 0;
        var section = 0; // 0: before the header, 1: inside it, 2: entries
        for (var index = 0; index < lines.Length; index++)
        {
            var line = index + 1;
            var raw = lines[index].TrimEnd('\r');
            var content = raw.Trim();
            if (content.Length == 0)
            {
                continue;
            }

            lastLine = line;
            if (content == "%")
            {
                if (section == 2)
                {
                    throw new LexiconException("a third '%' line; a .dic file has one header block.", source, line, "Delete this line.");
                }

                section++;
                continue;
            }

            if (section == 0)
            {
                throw new LexiconException("a .dic file must start with a line holding only '%'.", source, line,
                    "Add the category block: '%', one 'number<TAB>name' line per category, then '%' again.");
            }

            var fields = raw.Contains('\t', StringComparison.Ordinal)
                ? raw.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : content.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (section == 1)
            {
                if (fields.Length < 2 || !IsNumber(fields[0]))
                {
                    throw new LexiconException($"'{content}' is not a category line.", source, line, "Write the category number, a tab, and its name (for example '1\tinequality').");
                }

                var name = fields[1].Trim().ToLowerInvariant();
                ValidateThemeId(name, source, line);
                if (!categoryLines.TryAdd(fields[0], line))
                {
                    // Keeping either definition would silently count one category's words as another's.
                    throw new LexiconException($"category {fields[0]} is defined twice: as '{categories[fields[0]]}' on line {categoryLines[fields[0]]} and as '{name}' here.", source, line,
                        "Give each category its own number, and change the entries that use it to the number you mean.");
                }

                categories[fields[0]] = name;
                continue;
            }

            if (content.Contains('(', StringComparison.Ordinal) || content.Contains('/', StringComparison.Ordinal))
            {
                warnings.Add($"{source}:{line}: conditional LIWC entry '{content}' is not supported and was passed over.");
                continue;
            }

            // With tabs the word is the first field (it may be a number, such as 2035); with spaces,
            // the trailing numbers are the categories and the rest is the word.
            var tabbed = raw.Contains('\t', StringComparison.Ordinal);
            var numbers = tabbed ? fields.Skip(1).ToArray() : fields.Reverse().TakeWhile(IsNumber).Reverse().ToArray();
            var word = tabbed ? fields[0] : string.Join(' ', fields.Take(fields.Length - numbers.Length));
            if (numbers.FirstOrDefault(n => !IsNumber(n)) is { } notNumber)
            {
                throw new LexiconException($"the entry '{content}' has '{notNumber}' where a category number should be.", source, line, "After the word, write only category numbers, separated by tabs.");
            }

            if (numbers.Length == 0)
            {
                throw new LexiconException($"the entry '{content}' has no category number.", source, line, "Add the number(s) of its categories after a tab.");
            }

            if (word.Length == 0)
            {
                throw new LexiconException("the entry has category numbers but no word.", source, line, "Put the word before the numbers.");
            }

            var pattern = TermPattern.Parse(word, source, line);
            foreach (var number in numbers)
            {
                if (!categories.TryGetValue(number, out var theme))
                {
                    throw new LexiconException($"the entry '{word}' names category {number}, which the header block does not define.", source, line,
                        $"Add '{number}<TAB>name' between the '%' lines, or correct the number (defined: {string.Join(", ", categories.Keys)}).");
                }

                if (seen.TryGetValue((theme, pattern.ToString()), out var firstLine))
                {
                    warnings.Add($"{source}:{line}: '{word}' repeats line {firstLine} for category '{theme}' and is counted once.");
                    continue;
                }

                seen[(theme, pattern.ToString())] = line;
                terms.Add(new LexiconTerm(theme, word, null, null, line));
            }
        }

        if (section < 2)
        {
            throw new LexiconException("the category block is not closed by a second '%' line.", source, Math.Max(lastLine, 1), "Add a line holding only '%' after the categories.");
        }

        return Build(terms, source, warnings);
    }

    /// <summary>
    /// Splits an <c>exclude</c> cell at <c>|</c> into exclusion phrases, each checked by the term rules
    /// and required to contain the term (else it could never veto a match). Null when the cell is empty.
    /// </summary>
    /// <exception cref="LexiconException">A phrase breaks a rule; the message names the file and line.</exception>
    internal static IReadOnlyList<string>? ParseExclusions(string cell, TermPattern term, string termText, string source, int line)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(term);
        var phrases = cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (phrases.Length == 0)
        {
            return null;
        }

        foreach (var phrase in phrases)
        {
            var pattern = TermPattern.Parse(phrase, source, line);
            if (!term.OffsetsIn(pattern).Any())
            {
                throw new LexiconException($"the exclusion '{phrase}' does not contain the term '{termText}', so it could never veto a match.", source, line,
                    $"Write a longer expression that contains the term (for example 政治生态 for 生态, or 'Asia Society' for asia*), separated from the others by '|', or delete it.");
            }
        }

        return phrases.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// A stable fingerprint of what a lexicon counts: SHA-256 over its (theme, normalised term) pairs
    /// in order, each followed by its normalised exclusions when it has any, so that re-saving a file
    /// with other quoting or line endings keeps the hash (and a lexicon without exclusions keeps the
    /// hash it had before exclusions existed).
    /// </summary>
    public static string Fingerprint(IEnumerable<LexiconTerm> terms)
    {
        var text = new StringBuilder();
        foreach (var term in terms)
        {
            text.Append(term.Theme).Append('\t').Append(TermPattern.Parse(term.Term, "lexicon", term.Line));
            foreach (var phrase in term.Exclusions)
            {
                text.Append('\t').Append('-').Append(TermPattern.Parse(phrase, "lexicon", term.Line));
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static Lexicon Build(List<LexiconTerm> terms, string source, List<string> warnings)
    {
        if (terms.Count == 0)
        {
            throw new LexiconException("the lexicon has no terms.", source, fix: "Add at least one 'theme,term' line.");
        }

        var themes = terms.Select(t => t.Theme).Distinct(StringComparer.Ordinal)
            .Select((theme, firstSeen) => (theme, firstSeen))
            .OrderBy(t => Codebook.OrderOf(t.theme)).ThenBy(t => t.firstSeen)
            .Select(t => t.theme).ToArray();
        return new Lexicon(themes, terms, source, Fingerprint(terms), warnings);
    }

    private static int RequireColumn(CsvTable table, string name, string source)
    {
        var index = table.IndexOf(name);
        if (index >= 0)
        {
            return index;
        }

        var found = string.Join(", ", table.Headers.Select(h => $"'{h}'"));
        var near = table.Headers.FirstOrDefault(h => h.StartsWith(name, StringComparison.OrdinalIgnoreCase) || name.StartsWith(h, StringComparison.OrdinalIgnoreCase));
        var fix = near is not null && near.Length > 0
            ? $"Rename the column '{near}' to '{name}'."
            : $"The header must name the columns 'theme' and 'term' (others, such as 'lang' and 'note', are kept).";
        throw new LexiconException($"unknown columns: there is no column '{name}' (found {found}).", source, 1, fix);
    }

    private static void ValidateThemeId(string theme, string source, long line)
    {
        if (theme.Length == 0)
        {
            throw new LexiconException("the theme is empty.", source, line, "Write one of the theme ids (inequality, control, philanthropy, ...) in the theme column.");
        }

        if (!ThemeIdPattern().IsMatch(theme))
        {
            throw new LexiconException($"'{theme}' is not a valid theme id.", source, line,
                "Theme ids are lower-case letters, digits and underscores (for example social_welfare); they become column names in the reports.");
        }
    }

    private static bool IsNumber(string field) => field.Length > 0 && field.All(char.IsAsciiDigit);

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ThemeIdPattern();
}
