using System.Globalization;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Reads a LIWC <c>.dic</c> dictionary in the variants found in the wild: a header block between two
/// <c>%</c> lines numbering the categories (<c>1	care.virtue</c>, <c>01 a category</c>, indented in
/// LIWC2015), then per line a word and its category numbers, separated by tabs and/or spaces. LIWC2007's
/// conditional categories (<c>like	(02 134)125/464	253</c>, <c>kind	&lt;of&gt;131/125</c>) depend on the
/// neighbouring word, which the counting rules do not model: the word keeps its plain numbers and each
/// conditional part is reported with its line.
/// </summary>
internal static partial class LiwcDicReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">The header is missing or broken, or an entry names an undefined category.</exception>
    public static ImportedDictionary Read(string text, string source)
    {
        var lines = TextLines.Split(text);
        var categories = new List<DictionaryCategory>();
        var byNumber = new Dictionary<int, int>();
        var entries = new List<DictionaryEntry>();
        var warnings = new List<string>();
        var lastLine = 0;
        var section = 0; // 0: before the header, 1: inside it, 2: entries
        for (var index = 0; index < lines.Length; index++)
        {
            var line = index + 1;
            var content = lines[index].Trim();
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

            if (section == 1)
            {
                ReadCategory(content, source, line, categories, byNumber);
                continue;
            }

            ReadEntry(content, source, line, categories, byNumber, entries, warnings);
        }

        if (section < 2)
        {
            throw new LexiconException("the category block is not closed by a second '%' line.", source, Math.Max(lastLine, 1), "Add a line holding only '%' after the categories.");
        }

        return new ImportedDictionary(LexiconFormat.LiwcDic, categories, entries, warnings);
    }

    private static void ReadCategory(string content, string source, int line, List<DictionaryCategory> categories, Dictionary<int, int> byNumber)
    {
        var match = CategoryLine().Match(content);
        if (!match.Success)
        {
            throw new LexiconException($"'{content}' is not a category line.", source, line, "Write the category number, a tab, and its name (for example '1\tinequality').");
        }

        var number = Number(match.Groups[1].Value);
        var name = match.Groups[2].Value.Trim();
        if (byNumber.TryGetValue(number, out var first))
        {
            // Keeping either definition would silently count one category's words as another's.
            throw new LexiconException($"category {match.Groups[1].Value} is defined twice: as '{categories[first].Name}' on line {categories[first].Line} and as '{name}' here.", source, line,
                "Give each category its own number, and change the entries that use it to the number you mean.");
        }

        byNumber[number] = categories.Count;
        categories.Add(new DictionaryCategory(name, -1, match.Groups[1].Value, line));
    }

    private static void ReadEntry(string content, string source, int line, List<DictionaryCategory> categories, Dictionary<int, int> byNumber, List<DictionaryEntry> entries, List<string> warnings)
    {
        // With a tab, the word is what stands before the first one (it may be a number, such as 2035, or
        // a phrase); without, the trailing category fields are the categories and the rest is the word.
        var tab = content.IndexOf('\t', StringComparison.Ordinal);
        string word;
        List<string> fields;
        if (tab >= 0)
        {
            word = content[..tab].Trim();
            fields = CategoryFields(content[(tab + 1)..]);
        }
        else
        {
            var all = CategoryFields(content);
            var count = all.AsEnumerable().Reverse().TakeWhile(f => IsNumber(f) || IsConditional(f)).Count();
            word = string.Join(' ', all.Take(all.Count - count));
            fields = all.Skip(all.Count - count).ToList();
        }

        if (word.Length == 0)
        {
            throw new LexiconException("the entry has category numbers but no word.", source, line, "Put the word before the numbers.");
        }

        if (fields.FirstOrDefault(f => !IsNumber(f) && !IsConditional(f)) is { } notNumber)
        {
            throw new LexiconException($"the entry '{content}' has '{notNumber}' where a category number should be.", source, line, "After the word, write only category numbers, separated by tabs or spaces.");
        }

        if (fields.Count == 0)
        {
            throw new LexiconException($"the entry '{word}' has no category number.", source, line, "Add the number(s) of its categories after a tab.");
        }

        var conditional = fields.Where(IsConditional).ToList();
        var plain = fields.Where(IsNumber).ToList();
        if (conditional.Count > 0)
        {
            var kept = plain.Count == 0
                ? "the word is passed over, as it has no plain category"
                : $"the word counts for its plain categories {string.Join(", ", plain)} only";
            warnings.Add($"{source}:{line}: LIWC2007 conditional categor{(conditional.Count == 1 ? "y" : "ies")} '{string.Join(' ', conditional)}' of '{word}' passed over: they depend on the neighbouring word, which the counting rules do not model; {kept}.");
        }

        foreach (var field in plain)
        {
            if (!byNumber.TryGetValue(Number(field), out var category))
            {
                throw new LexiconException($"the entry '{word}' names category {field}, which the header block does not define.", source, line,
                    $"Add '{field}<TAB>name' between the '%' lines, or correct the number (defined: {string.Join(", ", categories.Select(c => c.Key))}).");
            }

            entries.Add(new DictionaryEntry(category, word, null, line));
        }
    }

    /// <summary>The category fields, a conditional part with spaces inside its brackets (<c>(02 134)125/464</c>) kept as one.</summary>
    private static List<string> CategoryFields(string text) =>
        Bracketed().Replace(text, m => WhiteSpace().Replace(m.Value, "\u00A0"))
            .Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(f => f.Replace('\u00A0', ' ')).ToList();

    private static bool IsNumber(string field) => field.Length is > 0 and < 10 && field.All(char.IsAsciiDigit);

    private static bool IsConditional(string field) => field.Any(c => c is '(' or '<' or '[' or '/') && field.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetter(c) || c is '(' or ')' or '<' or '>' or '[' or ']' or '/' or ' ');

    private static int Number(string field) => int.Parse(field, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{1,9})\s+(\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex CategoryLine();

    [GeneratedRegex(@"[(<\[][^)>\]]*[)>\]]", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
