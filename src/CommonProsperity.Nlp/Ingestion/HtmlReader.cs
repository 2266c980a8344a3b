using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Reads the visible text of <c>.html</c>/<c>.htm</c> files with AngleSharp: scripts, styles, templates
/// and the head are left out, block elements become line breaks, runs of spaces collapse as a browser
/// shows them. A page nested deeper than <see cref="MaxDepth"/> elements is refused before it is parsed:
/// the parser's time grows with the square of the depth (100,000 nested tags took five minutes).
/// </summary>
internal sealed class HtmlReader : IDocumentReader
{
    /// <summary>
    /// The deepest nesting of elements read, counted on the tags as written (elements a browser closes by
    /// itself, such as <c>p</c>, <c>li</c> and <c>td</c>, and void ones such as <c>br</c> are not counted).
    /// Browsers stop nesting at 512, so real pages stay well below it.
    /// </summary>
    public const int MaxDepth = 1000;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame",
    };

    private static readonly HashSet<string> ClosedByThemselves = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rp", "rt", "html", "head", "body", "colgroup", "caption",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp", "plaintext" };

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "figure", "figcaption", "hr", "address", "form",
    };

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = ["html", "htm", "xhtml"];

    /// <inheritdoc />
    public string Format => "HTML";

    /// <inheritdoc />
    public string Notes => "only the visible text: scripts, styles and the page head are left out";

    /// <inheritdoc />
    public IEnumerable<Document> Read(SourceFile file, byte[] bytes, DocumentMetadata metadata, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var decoded = TextDecoder.Decode(bytes, file.RelativePath);
        if (NestingDepth(decoded.Text, MaxDepth) > MaxDepth)
        {
            throw new InputException($"the page nests elements more than {MaxDepth} deep (browsers stop at 512); reading it would take hours.", file.RelativePath,
                fix: "The file is probably generated or damaged: remove it, or save the page's text as .txt and analyse that.");
        }

        var text = ExtractVisibleText(decoded.Text);
        yield return new Document(file.RelativePath, text, metadata, file, "html", decoded.Encoding) { EncodingBy = decoded.By };
    }

    /// <summary>The text a reader of the page sees, paragraphs separated by blank lines.</summary>
    public static string ExtractVisibleText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var output = new StringBuilder();
        if (document.Body is { } body)
        {
            Walk(body, output);
        }

        // Tidy: at most one blank line, no trailing spaces.
        var lines = output.ToString().Split('\n').Select(l => l.Trim());
        var tidy = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                if (!blank)
                {
                    tidy.Append('\n');
                }

                blank = true;
                continue;
            }

            tidy.Append(line).Append('\n');
            blank = false;
        }

        return tidy.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// How deep the tags as written nest, in one pass (stopping once past <paramref name="stopAbove"/>):
    /// an opening tag goes one deeper, its closing tag one back; comments, declarations, the text of
    /// scripts and styles, void elements and elements closed by the next of their kind do not count.
    /// </summary>
    internal static int NestingDepth(string html, int stopAbove)
    {
        int depth = 0, deepest = 0, i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && deepest <= stopAbove)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var closing = i + 1 < html.Length && html[i + 1] == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] == '-' || html[nameEnd] == ':'))
            {
                nameEnd++;
            }

            var tagEnd = html.IndexOf('>', nameEnd);
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]) || tagEnd < 0)
            {
                i = nameEnd > i + 1 ? nameEnd : i + 1;
                continue;
            }

            var name = html[nameStart..nameEnd];
            i = tagEnd + 1;
            if (Void.Contains(name) || ClosedByThemselves.Contains(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (html[tagEnd - 1] != '/')
            {
                deepest = Math.Max(deepest, ++depth);
                if (RawText.Contains(name))
                {
                    var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                    i = end < 0 ? html.Length : end;
                }
            }
        }

        return deepest;
    }

    private static void Walk(INode node, StringBuilder output)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(text.Data, output);
                    break;
                case IElement element when Invisible.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName == "br":
                    output.Append('\n');
                    break;
                case IElement element when element.LocalName == "pre":
                    output.Append("\n\n").Append(element.TextContent).Append("\n\n");
                    break;
                case IElement element when Blocks.Contains(element.LocalName) || element.LocalName is "td" or "th":
                    output.Append(element.LocalName is "td" or "th" ? " " : "\n\n");
                    Walk(element, output);
                    output.Append(element.LocalName is "td" or "th" ? " " : "\n\n");
                    break;
                case IElement element:
                    Walk(element, output);
                    break;
            }
        }
    }

    private static void AppendCollapsed(string data, StringBuilder output)
    {
        var space = output.Length > 0 && char.IsWhiteSpace(output[^1]);
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u3000')
            {
                if (!space)
                {
                    output.Append(' ');
                    space = true;
                }
            }
            else
            {
                output.Append(c);
                space = false;
            }
        }
    }
}
