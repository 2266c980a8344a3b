using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// Recognises a lexicon file's format by its content, the extension deciding only when the content
/// fits no format (so a <c>.txt</c> holding a LIWC dictionary is read as one, and a <c>.csv</c> that is
/// really a WordStat file is not read as CSV). A file in no format read gets a message naming what it
/// looks like.
/// </summary>
internal static partial class LexiconFormatDetector
{
    /// <summary>The formats read, for messages.</summary>
    public const string Supported = "the project's CSV (theme,term), LIWC .dic, LIWC-22 .dicx, WordStat .cat, quanteda YAML, Lexicoder .lc3/.lcd and Yoshikoder .ykd";

    /// <summary>Refuses bytes that are a binary document rather than text, naming what they look like.</summary>
    /// <exception cref="LexiconException">The bytes are a spreadsheet, a word-processor file, a PDF or an archive.</exception>
    public static void RefuseBinary(ReadOnlySpan<byte> bytes, string path)
    {
        string? looksLike = bytes switch
        {
            [0x50, 0x4B, 0x03, 0x04, ..] => "a ZIP archive: an Excel workbook (.xlsx), a Word document (.docx) or a zipped dictionary",
            [0xD0, 0xCF, 0x11, 0xE0, ..] => "an Excel 97-2003 workbook (.xls) or a Word .doc file",
            [0x25, 0x50, 0x44, 0x46, ..] => "a PDF document",
            [0x1F, 0x8B, ..] => "a gzip archive",
            [0x7B, 0x5C, 0x72, 0x74, 0x66, ..] => "an RTF document (a dictionary saved by a word processor)",
            _ => null,
        };
        if (looksLike is not null)
        {
            throw new LexiconException($"the file looks like {looksLike}, not a dictionary the tool reads ({Supported}).", path,
                fix: "Save the dictionary as plain text in its own format (a sheet as CSV with the columns theme,term; a zip unpacked), then pass that file.");
        }
    }

    /// <summary>The format of <paramref name="text"/>, read from <paramref name="path"/>.</summary>
    /// <exception cref="LexiconException">The text is in no format the tool reads; the message says what it looks like.</exception>
    public static LexiconFormat Detect(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var lines = TextLines.Split(text);
        var first = lines.Select((l, i) => (Text: l.Trim(), Line: i + 1)).FirstOrDefault(l => l.Text.Length > 0 && !l.Text.StartsWith('#'));
        var head = first.Text ?? string.Empty;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (head == "%")
        {
            return LexiconFormat.LiwcDic;
        }

        if (head.StartsWith('<'))
        {
            if (DictionaryElement().IsMatch(text))
            {
                return LexiconFormat.Yoshikoder;
            }

            var what = head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
                ? "an HTML web page (perhaps the download page saved instead of the dictionary)"
                : "XML without a Yoshikoder 'dictionary' element";
            throw Unsupported(what, path, first.Line);
        }

        if (head.StartsWith('{') || (head.StartsWith('[') && !head.StartsWith("[[", StringComparison.Ordinal) && head.Contains('"', StringComparison.Ordinal)))
        {
            throw Unsupported("JSON", path, first.Line, "Convert it to quanteda YAML (a 'category:' line, then '  - word' lines), which JSON tools can write, or to the project's CSV (theme,term).");
        }

        if (DicxHeader().IsMatch(head))
        {
            return LexiconFormat.LiwcDicx;
        }

        if (CsvHeader().IsMatch(head))
        {
            return LexiconFormat.Csv;
        }

        if (head.StartsWith('+'))
        {
            return LexiconFormat.Lexicoder;
        }

        var content = lines.Where(l => l.Trim().Length > 0).ToList();
        if (head.All(char.IsAsciiDigit) && content.Count > 1 && content.Skip(1).Take(20).Count(l => l.Contains('/', StringComparison.Ordinal)) >= Math.Min(3, content.Count - 1))
        {
            throw Unsupported("a Hunspell spell-checker dictionary (a word count, then 'word/flags' lines), which has no categories", path, first.Line,
                "Use a content-analysis dictionary (LIWC, WordStat, quanteda, Lexicoder, Yoshikoder) or write the project's CSV (theme,term).");
        }

        if (content.Any(WordStatReader.IsWordLine) && !WordStatReader.IsWordLine(content[0]))
        {
            return LexiconFormat.WordStat;
        }

        if (head == "---" || YamlKey().IsMatch(head))
        {
            return LexiconFormat.Yaml;
        }

        return extension switch
        {
            ".dic" => LexiconFormat.LiwcDic, // its reader names what is missing
            ".dicx" => LexiconFormat.LiwcDicx,
            ".csv" or ".tsv" or ".txt" => LexiconFormat.Csv,
            ".cat" => LexiconFormat.WordStat,
            ".yml" or ".yaml" => LexiconFormat.Yaml,
            ".lc3" or ".lcd" => LexiconFormat.Lexicoder,
            ".ykd" => LexiconFormat.Yoshikoder,
            _ => throw Unsupported(head.Length == 0 ? "an empty file" : $"no dictionary format (its first line is '{Shorten(head)}')", path, Math.Max(first.Line, 1)),
        };
    }

    private static LexiconException Unsupported(string what, string path, int line, string? fix = null) =>
        new($"the file looks like {what}, not a dictionary the tool reads ({Supported}).", path, line,
            fix ?? "Save the dictionary in one of these formats; docs/lexicons.md shows each.");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex(@"<dictionary[\s>]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DictionaryElement();

    [GeneratedRegex(@"^""?DicTerm""?\s*[,;\t]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DicxHeader();

    [GeneratedRegex(@"(^|[,;\t])\s*""?theme""?\s*([,;\t]|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CsvHeader();

    [GeneratedRegex(@"^(""[^""]+""|'[^']+'|[^\s#:\-][^:]*):(\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex YamlKey();
}
