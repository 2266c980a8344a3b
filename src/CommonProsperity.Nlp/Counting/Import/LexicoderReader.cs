using System.Globalization;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Reads a Lexicoder dictionary (<c>.lc3</c>, <c>.lcd</c>): a line starting with <c>+</c> names a
/// category (<c>+negative</c>), and the lines below it, up to the next <c>+</c> line, are its words.
/// </summary>
internal static class LexicoderReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">A word stands above the first category.</exception>
    public static ImportedDictionary Read(string text, string source)
    {
        var lines = TextLines.Split(text);
        var categories = new List<DictionaryCategory>();
        var entries = new List<DictionaryEntry>();
        for (var index = 0; index < lines.Length; index++)
        {
            var line = index + 1;
            var content = lines[index].Trim();
            if (content.Length == 0)
            {
                continue;
            }

            if (content[0] == '+')
            {
                categories.Add(new DictionaryCategory(content[1..].Trim(), -1, (categories.Count + 1).ToString(CultureInfo.InvariantCulture), line));
                continue;
            }

            if (categories.Count == 0)
            {
                throw new LexiconException($"the word '{content}' stands above the first category.", source, line, "Put a line '+category' above the words of each category.");
            }

            entries.Add(new DictionaryEntry(categories.Count - 1, content, null, line));
        }

        return new ImportedDictionary(LexiconFormat.Lexicoder, categories, entries, []);
    }
}
