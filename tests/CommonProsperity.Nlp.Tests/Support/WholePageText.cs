using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// The HTML reader's text as it was before pages were parsed in pieces (up to main at 46bc281): the page parsed whole,
/// the body walked into one string, the lines tidied. The yardstick of the differential tests of
/// <see cref="Nlp.Ingestion.HtmlTextExtractor"/>; kept as it was, not to be changed with the reader.
/// </summary>
internal static class WholePageText
{
    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "figure", "figcaption", "hr", "address", "form",
    };

    public static string Of(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var output = new StringBuilder();
        if (document.Body is { } body)
        {
            Walk(body, output);
        }

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
