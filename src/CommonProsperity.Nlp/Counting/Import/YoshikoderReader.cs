using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Reads a Yoshikoder dictionary (<c>.ykd</c>): XML under a <c>dictionary</c> element, whose
/// <c>cnode</c> elements are categories (nested in one another) and whose <c>pnode</c> elements are
/// words, each named by its <c>name</c> attribute.
/// </summary>
internal static class YoshikoderReader
{
    /// <summary>Reads <paramref name="text"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LexiconException">The XML is malformed or has no <c>dictionary</c> element.</exception>
    public static ImportedDictionary Read(string text, string source)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text.TrimStart('\uFEFF')), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new LexiconException($"the XML is malformed ({e.Message}).", source, e.LineNumber > 0 ? e.LineNumber : null, "Open the file in an XML editor and repair the element named.");
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "dictionary")
        {
            throw new LexiconException($"the XML's root element is '{root?.Name.LocalName}', not 'dictionary', so it is not a Yoshikoder dictionary.", source, LineOf(root),
                "Export the dictionary from Yoshikoder again, or convert it to the project's CSV (theme,term).");
        }

        var categories = new List<DictionaryCategory>();
        var entries = new List<DictionaryEntry>();
        var warnings = new List<string>();
        Walk(root, -1, categories, entries, warnings, source);
        return new ImportedDictionary(LexiconFormat.Yoshikoder, categories, entries, warnings);
    }

    private static void Walk(XElement node, int parent, List<DictionaryCategory> categories, List<DictionaryEntry> entries, List<string> warnings, string source)
    {
        foreach (var child in node.Elements())
        {
            var name = (string?)child.Attribute("name") ?? string.Empty;
            switch (child.Name.LocalName)
            {
                case "cnode":
                    var index = categories.Count;
                    categories.Add(new DictionaryCategory(name, parent, (index + 1).ToString(CultureInfo.InvariantCulture), LineOf(child)));
                    Walk(child, index, categories, entries, warnings, source);
                    break;
                case "pnode" when parent < 0:
                    warnings.Add($"{source}:{LineOf(child)}: the word '{name}' stands outside every category and was passed over.");
                    break;
                case "pnode":
                    entries.Add(new DictionaryEntry(parent, name, null, LineOf(child)));
                    break;
            }
        }
    }

    private static int LineOf(XElement? element) => element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;
}
