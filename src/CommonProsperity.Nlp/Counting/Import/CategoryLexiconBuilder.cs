using System.Globalization;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Turns what a dictionary reader found into a <see cref="Lexicon"/>: every category becomes a theme
/// (id by <see cref="ThemeIds"/>, label the name as written, <c>parent/child</c> for a nested one), and a
/// word of a nested category counts for the category and for each category above it. Words the
/// counting rules cannot match are passed over with a warning naming the line.
/// </summary>
internal static class CategoryLexiconBuilder
{
    /// <summary>The lexicon of <paramref name="dictionary"/>, read from <paramref name="source"/>.</summary>
    /// <exception cref="LexiconException">No word could be read.</exception>
    public static Lexicon Build(ImportedDictionary dictionary, string source)
    {
        var warnings = new List<string>(dictionary.Warnings);
        var categories = dictionary.Categories;
        var labels = new string[categories.Count];
        var ids = new string[categories.Count];
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < categories.Count; c++)
        {
            var category = categories[c];
            labels[c] = category.Parent < 0 ? category.Name.Trim() : labels[category.Parent] + "/" + category.Name.Trim();
            var id = ThemeIds.FromName(labels[c], category.Key);
            if (owners.TryGetValue(id, out var owner))
            {
                var free = Enumerable.Range(2, int.MaxValue - 2).Select(n => id + "_" + n.ToString(CultureInfo.InvariantCulture)).First(n => !owners.ContainsKey(n));
                warnings.Add($"{source}:{category.Line}: the categories '{labels[owner]}' (line {categories[owner].Line}) and '{labels[c]}' both become the theme id '{id}'; this one is '{free}'. Rename one of them in the file to choose the ids.");
                id = free;
            }

            owners[id] = c;
            ids[c] = id;
        }

        var terms = new List<LexiconTerm>();
        var seen = new Dictionary<(string Theme, string Pattern), int>();
        var starAfterPunctuation = 0;
        foreach (var entry in dictionary.Entries)
        {
            var (word, trimmed) = WithoutStarAfterPunctuation(entry.Word.Trim());
            TermPattern pattern;
            try
            {
                pattern = TermPattern.Parse(word, source, entry.Line);
            }
            catch (LexiconException e)
            {
                warnings.Add($"{source}:{entry.Line}: '{entry.Word.Trim()}' was passed over: {e.Problem} {e.Fix}".TrimEnd());
                continue;
            }

            starAfterPunctuation += trimmed ? 1 : 0;
            for (var c = entry.Category; c >= 0; c = categories[c].Parent)
            {
                var key = (ids[c], pattern.ToString());
                if (seen.TryGetValue(key, out var firstLine))
                {
                    if (c == entry.Category)
                    {
                        warnings.Add($"{source}:{entry.Line}: '{word}' repeats line {firstLine} for category '{labels[c]}' and is counted once.");
                    }

                    continue;
                }

                seen[key] = entry.Line;
                terms.Add(new LexiconTerm(ids[c], word, null, null, entry.Line, Weight: entry.Weight));
            }
        }

        if (starAfterPunctuation > 0)
        {
            warnings.Add($"{source}: {starAfterPunctuation} word(s) end in punctuation and '*' (such as 'fair-*'); each is read as the word before the punctuation ('fair'), because the counting rules split words at hyphens, so it also counts that word standing alone.");
        }

        // Grouped by category (file order within each), so that the project's CSV written from the lexicon
        // lists the themes in the same order and reads back as the same lexicon.
        var place = Enumerable.Range(0, ids.Length).ToDictionary(c => ids[c], c => c, StringComparer.Ordinal);
        terms = [.. terms.OrderBy(t => place[t.Theme])];
        var used = terms.Select(t => t.Theme).ToHashSet(StringComparer.Ordinal);
        var empty = Enumerable.Range(0, categories.Count).Where(c => !used.Contains(ids[c])).ToList();
        foreach (var c in empty)
        {
            warnings.Add($"{source}:{categories[c].Line}: the category '{labels[c]}' has no words, so it is not a theme of the lexicon.");
        }

        // Labels only where one says more than its id, so a dictionary already named by ids reports as a CSV would.
        var themeLabels = Enumerable.Range(0, categories.Count).Where(c => !empty.Contains(c)).ToDictionary(c => ids[c], c => labels[c], StringComparer.Ordinal);
        return LexiconLoader.Build(terms, source, warnings, [.. ids], themeLabels.Any(l => l.Key != l.Value) ? themeLabels : null);
    }

    /// <summary><c>fair-*</c> is <c>fair</c>: a <c>*</c> after punctuation stands for the hyphenated words the tokenizer splits anyway.</summary>
    private static (string Word, bool Trimmed) WithoutStarAfterPunctuation(string word)
    {
        if (word.Length < 2 || word[^1] != '*' || char.IsLetterOrDigit(word[^2]))
        {
            return (word, false);
        }

        var body = word.AsSpan(0, word.Length - 1).TrimEnd();
        var end = body.Length;
        while (end > 0 && !char.IsLetterOrDigit(body[end - 1]) && !char.IsSurrogate(body[end - 1]))
        {
            end--;
        }

        return end == 0 ? (word, false) : (body[..end].ToString(), true);
    }
}
