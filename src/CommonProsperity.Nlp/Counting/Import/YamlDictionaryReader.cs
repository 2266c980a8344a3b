using System.Globalization;
using CommonProsperity.Nlp.Errors;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Reads a quanteda YAML dictionary: a mapping from category names to a list of words (or one word),
/// or to a mapping of nested categories, to any depth (<c>economy: {tax: [tax*, levy]}</c>).
/// </summary>
internal static class YamlDictionaryReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">The YAML is malformed, or its top is not a mapping of categories.</exception>
    public static ImportedDictionary Read(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.TrimStart('\uFEFF')));
        }
        catch (YamlException e)
        {
            throw new LexiconException($"the YAML is malformed ({e.Message}).", source, e.Start.Line > 0 ? e.Start.Line : null,
                "Check the indentation (spaces, not tabs) and the ':' after each category name at that line.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var line = stream.Documents.Count == 0 ? 1 : (int)stream.Documents[0].RootNode.Start.Line;
            throw new LexiconException("the YAML is not a mapping of categories to words.", source, line,
                "Write one 'category:' line per category, followed by its words as a list ('  - word').");
        }

        var categories = new List<DictionaryCategory>();
        var entries = new List<DictionaryEntry>();
        var warnings = new List<string>();
        Walk(root, -1, categories, entries, warnings, source);
        return new ImportedDictionary(LexiconFormat.Yaml, categories, entries, warnings);
    }

    private static void Walk(YamlMappingNode mapping, int parent, List<DictionaryCategory> categories, List<DictionaryEntry> entries, List<string> warnings, string source)
    {
        foreach (var (key, value) in mapping.Children)
        {
            var index = categories.Count;
            var name = key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();
            categories.Add(new DictionaryCategory(name, parent, (index + 1).ToString(CultureInfo.InvariantCulture), (int)key.Start.Line));
            Words(value, index, categories, entries, warnings, source);
        }
    }

    private static void Words(YamlNode value, int category, List<DictionaryCategory> categories, List<DictionaryEntry> entries, List<string> warnings, string source)
    {
        switch (value)
        {
            case YamlScalarNode { Value: { Length: > 0 } word }:
                entries.Add(new DictionaryEntry(category, word, null, (int)value.Start.Line));
                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children)
                {
                    if (item is YamlMappingNode nested)
                    {
                        Walk(nested, category, categories, entries, warnings, source);
                    }
                    else
                    {
                        Words(item, category, categories, entries, warnings, source);
                    }
                }

                break;
            case YamlMappingNode nested:
                Walk(nested, category, categories, entries, warnings, source);
                break;
            default:
                warnings.Add($"{source}:{value.Start.Line}: an empty value in the category '{categories[category].Name}' was passed over.");
                break;
        }
    }
}
