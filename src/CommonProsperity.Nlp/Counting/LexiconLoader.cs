using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Counting.Import;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Reads lexicons: the project's CSV format (header <c>theme,term</c>, optional <c>lang</c>, <c>note</c>,
/// <c>exclude</c>, <c>theme_label</c>, <c>weight</c> and other columns), and the dictionary formats of
/// <see cref="LexiconFormat"/>, recognised by content. Every rule of the CSV broken stops the load with
/// the file, the line and what to change; a dictionary's word the counting rules cannot match is passed
/// over with a warning naming its line.
/// </summary>
public static partial class LexiconLoader
{
    /// <summary>Loads a lexicon file in any format of <see cref="LexiconFormat"/>, recognised by its content.</summary>
    /// <exception cref="LexiconException">The file breaks the format.</exception>
    public static Lexicon Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new LexiconException($"the lexicon file does not exist.", path, Wording.Of($"Check the path given for {OptionName.LexiconFile}, or run {JobName.LexiconExport} to get the built-in one."));
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

        LexiconFormatDetector.RefuseBinary(bytes, path);
        string text;
        try
        {
            text = TextDecoder.Decode(bytes, path).Text;
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, path, fix: e.Fix);
        }

        return FromText(text, path, LexiconFormatDetector.Detect(text, path));
    }

    /// <summary>Parses a lexicon held in memory in <paramref name="format"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">The text breaks the format.</exception>
    internal static Lexicon FromText(string text, string source, LexiconFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        return format switch
        {
            LexiconFormat.Csv => FromCsvText(text, source),
            LexiconFormat.LiwcDic => FromLiwcText(text, source),
            LexiconFormat.LiwcDicx => CategoryLexiconBuilder.Build(LiwcDicxReader.Read(text, source), source),
            LexiconFormat.WordStat => CategoryLexiconBuilder.Build(WordStatReader.Read(text, source), source),
            LexiconFormat.Yaml => CategoryLexiconBuilder.Build(YamlDictionaryReader.Read(text, source), source),
            LexiconFormat.Lexicoder => CategoryLexiconBuilder.Build(LexicoderReader.Read(text, source), source),
            LexiconFormat.Yoshikoder => CategoryLexiconBuilder.Build(YoshikoderReader.Read(text, source), source),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a lexicon format"),
        };
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
        var labelColumn = table.IndexOf("theme_label");
        var weightColumn = table.IndexOf("weight");
        var labels = labelColumn < 0 ? null : new Dictionary<string, string>(StringComparer.Ordinal);
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
                var label = row.Get(labelColumn).Trim();
                if (labels is not null && label.Length > 0 && !labels.TryAdd(theme, label) && labels[theme] != label)
                {
                    warnings.Add($"{source}:{line}: the theme '{theme}' is labelled '{label}' here but '{labels[theme]}' above; the first label is kept.");
                }

                var weight = ParseWeight(row.Get(weightColumn), source, line);
                terms.Add(new LexiconTerm(theme, term.Trim(), lang.Length == 0 ? null : lang, note.Length == 0 ? null : note, line, exclude, weight));
            }
        }
        catch (InputException e)
        {
            throw new LexiconException(e.Problem, source, e.Line, e.Fix);
        }

        return Build(terms, source, warnings, themeLabels: labels is { Count: > 0 } ? labels : null);
    }

    /// <summary>
    /// Parses a LIWC <c>.dic</c> dictionary (see <see cref="LiwcDicReader"/>): categories become themes by
    /// the rule of <see cref="ThemeIds"/>, their names kept as the themes' labels.
    /// </summary>
    public static Lexicon FromLiwcText(string text, string source) => CategoryLexiconBuilder.Build(LiwcDicReader.Read(text, source), source);

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
    /// in order, each followed by its normalised exclusions and its weight when it has them, so that re-saving a file
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

            if (term.Weight is { } weight)
            {
                text.Append('\t').Append('=').Append(weight.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The lexicon of <paramref name="terms"/>: themes in codebook order, then in <paramref name="order"/>
    /// (a dictionary's category order) or the order the terms first name them.
    /// </summary>
    internal static Lexicon Build(List<LexiconTerm> terms, string source, List<string> warnings, IReadOnlyList<string>? order = null, IReadOnlyDictionary<string, string>? themeLabels = null)
    {
        if (terms.Count == 0)
        {
            throw new LexiconException("the lexicon has no terms.", source, fix: "Add at least one 'theme,term' line.");
        }

        var used = terms.Select(t => t.Theme).ToHashSet(StringComparer.Ordinal);
        var themes = (order ?? []).Where(used.Contains).Concat(terms.Select(t => t.Theme)).Distinct(StringComparer.Ordinal)
            .Select((theme, firstSeen) => (theme, firstSeen))
            .OrderBy(t => Codebook.OrderOf(t.theme)).ThenBy(t => t.firstSeen)
            .Select(t => t.theme).ToArray();
        return new Lexicon(themes, terms, source, Fingerprint(terms), warnings, themeLabels);
    }

    private static double? ParseWeight(string cell, string source, int line)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && double.IsFinite(weight))
        {
            return weight;
        }

        throw new LexiconException($"the weight '{text}' is not a number.", source, line, "Write the weight as a number with a '.' for decimals (0.5, -2), or leave the cell empty for an unweighted term.");
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
                $"Theme ids are lower-case letters, digits and underscores (for example social_welfare); they become column names in the reports. Write '{ThemeIds.FromName(theme, line.ToString(System.Globalization.CultureInfo.InvariantCulture))}', and put the name as you wrote it in a 'theme_label' column to keep it in the reports.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ThemeIdPattern();
}
