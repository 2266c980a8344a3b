using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Construction;
using AngleSharp.Html.Parser;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// The visible text of a page read in pieces, so that memory does not grow with the page: AngleSharp parses the
/// page a piece (about <see cref="ChunkChars"/> characters) at a time, and a piece ends only where the parser
/// itself shows that nothing before the cut can change what comes after it, so the text is the text of the page
/// parsed whole.
/// <para>
/// The cut rule. A piece may end after a <c>&gt;</c>, a space or a line break when the page parsed up to there and
/// followed by a probe (<see cref="Probe"/>) shows: the probe's comment and element went into the same element, a
/// chain of plain containers under <c>body</c> (<see cref="Continuable"/>: no table, list of active formatting
/// elements, template, form, script, <c>pre</c> or foreign content open, the tokenizer between tokens, the
/// insertion mode "in body"), no <c>form</c> was left open elsewhere, and <c>frameset</c> cannot replace the body.
/// HTML's tree building then depends only on the names of the open elements (and the quirks mode, set by the
/// doctype), so the rest of the page is parsed after a prefix that opens the same chain (<see cref="Prefix"/>),
/// checked once per chain by parsing the prefix with the probe. The text of an element open across a cut is
/// written once: its start in the piece before (without its closing line breaks), the rest after (without its
/// opening ones). A cut after a no-break or ideographic space ending a text is not made (two text nodes collapse
/// spaces differently from one).
/// </para>
/// </summary>
/// <param name="chunkChars">How many characters a piece has at least before a cut is tried (tests use a few).</param>
internal sealed class HtmlTextExtractor(int chunkChars)
{
    /// <summary>The size of a piece: about 1 Mi characters, some 40 MB of parsed page.</summary>
    public const int ChunkChars = 1 << 20;

    private const string ProbeComment = "cpnlp-probe";
    private const string ProbeElement = "cpnlp-probe";
    private const string ProbeForm = "cpnlp-probe-form";

    /// <summary>
    /// What is parsed after a piece to see the parser's state: a comment (goes into the current node in "in body"; into
    /// the head, html or document in the modes before and after the body; into a comment or script if the piece ends in
    /// one), an end tag <c>table</c> (ignored in body, closes an open table, also one a foster-parented element hides),
    /// an element (inside a copy of a formatting element if any is to be reopened), a form (ignored if a form is left
    /// open) and a frameset (replaces the body while the page has had nothing that rules a frameset out).
    /// </summary>
    private const string Probe = "<!--" + ProbeComment + "--></table><" + ProbeElement + "></" + ProbeElement + "><form id=" + ProbeForm + "></form><frameset>";

    /// <summary>The elements that may stay open across a cut: HTML containers the tree builder treats by name alone.</summary>
    private static readonly HashSet<string> Continuable = new(StringComparer.Ordinal)
    {
        "div", "p", "span", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "figure", "figcaption", "address", "center", "details", "summary", "hgroup", "menu", "search",
    };

    private static readonly HashSet<string> Invisible = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "blockquote", "pre", "figure", "figcaption", "hr", "address", "form",
    };

    private readonly HtmlParser _parser = new();
    private readonly Dictionary<string, bool> _prefixChecked = new(StringComparer.Ordinal);
    private readonly StringBuilder _raw = new();
    private char[] _page = new char[Math.Max(16, chunkChars) * 2];
    private int _length;
    private string[] _open = [];
    private QuirksMode? _quirks;
    private char? _last;

    /// <summary>The cuts made so far (for tests: a page of many pieces must show some).</summary>
    public int Cuts { get; private set; }

    /// <summary>
    /// Reads the page from <paramref name="html"/> and writes its visible text, tidy, to <paramref name="sink"/>;
    /// <paramref name="beforeParsing"/> sees each stretch of the page before any of it is parsed (to refuse a page).
    /// </summary>
    public void Extract(TextReader html, TextSink sink, Action<ReadOnlySpan<char>> beforeParsing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(beforeParsing);
        var tidy = new TidyLines(sink);
        var tryAt = chunkChars;
        var step = Math.Max(1, chunkChars / 4);
        var scanned = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_page.Length - _length < 1 << 16)
            {
                Array.Resize(ref _page, Math.Max(_page.Length * 2, _length + (1 << 16)));
            }

            var read = html.Read(_page, _length, _page.Length - _length);
            beforeParsing(_page.AsSpan(_length, read));
            _length += read;
            if (read == 0)
            {
                break;
            }

            while (_length > tryAt)
            {
                // The first '>', space or line break at or after tryAt: a cut right after it.
                var from = Math.Max(tryAt, scanned);
                var at = _page.AsSpan(from, _length - from).IndexOfAny('>', ' ', '\n');
                if (at < 0)
                {
                    scanned = _length;
                    break;
                }

                var cut = from + at + 1;
                if (TryCut(cut, tidy))
                {
                    _page.AsSpan(cut, _length - cut).CopyTo(_page);
                    _length -= cut;
                    tryAt = chunkChars;
                    step = Math.Max(1, chunkChars / 4);
                }
                else
                {
                    // Not here: try further on, each time further (a table of many pieces is parsed a few times, not once per piece).
                    tryAt = cut + step;
                    step *= 2;
                }

                scanned = 0;
            }
        }

        using (var last = _parser.ParseDocument(Prefix(_open, _quirks) + new string(_page, 0, _length)))
        {
            _raw.Clear();
            if (last.Body is { } body)
            {
                Walk(body, Replayed(body, _open), new HashSet<INode>(ReferenceEqualityComparer.Instance));
            }

            Emit(tidy);
        }

        tidy.Flush();
    }

    /// <summary>The page up to <paramref name="cut"/> parsed with the probe after it: if the cut is safe, its text goes to <paramref name="tidy"/>.</summary>
    private bool TryCut(int cut, TidyLines tidy)
    {
        using var document = _parser.ParseDocument(string.Concat(Prefix(_open, _quirks), _page.AsSpan(0, cut), Probe));
        if (Chain(document) is not { } probed)
        {
            return false;
        }

        var quirks = ((IConstructableDocument)document).QuirksMode;
        var names = probed.Open.Select(e => e.LocalName).ToArray();
        if ((_quirks is { } known && known != quirks) || !PrefixWorks(names, quirks))
        {
            return false;
        }

        var replayed = Replayed(probed.Body, _open);
        foreach (var node in probed.ProbeNodes)
        {
            node.RemoveFromParent();
        }

        _raw.Clear();
        Walk(probed.Body, replayed, new HashSet<INode>(probed.Open, ReferenceEqualityComparer.Instance));
        if (_raw.Length > 0 && _raw[^1] is '\u00A0' or '\u3000')
        {
            return false;
        }

        Emit(tidy);
        _open = names;
        _quirks = quirks;
        Cuts++;
        return true;
    }

    /// <summary>
    /// The open elements under <c>body</c> the probe shows (outermost first) and the probe's nodes, or null when the
    /// probe shows the cut is not safe.
    /// </summary>
    private static Probed? Chain(IDocument document)
    {
        if (document.Body is not { LocalName: "body" } body || body.ParentElement != document.DocumentElement)
        {
            return null;
        }

        // The probe's form is the last element (wherever a p it closed left it); the frameset was ignored.
        IElement lastElement = body;
        while (lastElement.LastElementChild is { } child)
        {
            lastElement = child;
        }

        if (lastElement is not { LocalName: "form" } form || form.Id != ProbeForm || FindProbeElement(form) is not { } probe
            || probe.PreviousSibling is not IComment { Data: ProbeComment } comment || comment.ParentElement is not { } current || probe.ParentElement != current)
        {
            return null;
        }

        var chain = new List<IElement>();
        for (var node = current; node != body; node = node.ParentElement)
        {
            if (node is null || node.NamespaceUri != NamespaceNames.HtmlUri || !Continuable.Contains(node.LocalName))
            {
                return null;
            }

            chain.Add(node);
        }

        chain.Reverse();
        return new Probed(body, chain, [comment, probe, form]);
    }

    /// <summary>The probe's element: the form's previous sibling, or (when the form closed a p) the last element inside it.</summary>
    private static IElement? FindProbeElement(IElement form)
    {
        for (var node = form.PreviousElementSibling; node is not null; node = node.LastElementChild)
        {
            if (node.LocalName == ProbeElement)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Whether <see cref="Prefix"/> opens <paramref name="names"/> in the same state (checked once per chain by parsing it with the probe).</summary>
    private bool PrefixWorks(string[] names, QuirksMode quirks)
    {
        var key = quirks + ":" + string.Join('/', names);
        if (!_prefixChecked.TryGetValue(key, out var works))
        {
            using var document = _parser.ParseDocument(Prefix(names, quirks) + Probe);
            works = Chain(document) is { } probed && ((IConstructableDocument)document).QuirksMode == quirks
                && probed.Open.Select(e => e.LocalName).SequenceEqual(names, StringComparer.Ordinal);
            _prefixChecked[key] = works;
        }

        return works;
    }

    /// <summary>What is parsed before a piece: a doctype giving the page's quirks mode, the head, the body and the chain left open.</summary>
    private static string Prefix(string[] open, QuirksMode? quirks)
    {
        if (quirks is null)
        {
            return string.Empty;
        }

        var doctype = quirks switch
        {
            QuirksMode.Off => "<!DOCTYPE html>",
            QuirksMode.Limited => "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
            _ => string.Empty,
        };
        return doctype + "<html><head></head><body>" + string.Concat(open.Select(name => "<" + name + ">"));
    }

    /// <summary>The elements <see cref="Prefix"/> opened in a piece's document (each the first child of the one before).</summary>
    private static HashSet<INode> Replayed(IElement body, string[] open)
    {
        var replayed = new HashSet<INode>(ReferenceEqualityComparer.Instance);
        IElement parent = body;
        foreach (var name in open)
        {
            if (parent.FirstChild is not IElement element || element.LocalName != name)
            {
                throw new InvalidOperationException($"The page's prefix did not open <{name}> first.");
            }

            replayed.Add(element);
            parent = element;
        }

        return replayed;
    }

    private void Emit(TidyLines tidy)
    {
        foreach (var chunk in _raw.GetChunks())
        {
            tidy.Append(chunk.Span);
        }

        if (_raw.Length > 0)
        {
            _last = _raw[^1];
        }
    }

    /// <summary>
    /// Writes the text of <paramref name="node"/>'s children: blocks between line breaks, cells between spaces, white
    /// space collapsed. An element of <paramref name="continued"/> was opened in an earlier piece (no opening breaks),
    /// one of <paramref name="open"/> goes on in the next (no closing breaks).
    /// </summary>
    private void Walk(INode node, HashSet<INode> continued, HashSet<INode> open)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendCollapsed(text.Data);
                    break;
                case IElement element when Invisible.Contains(element.LocalName):
                    break;
                case IElement element when element.LocalName == "br":
                    _raw.Append('\n');
                    break;
                case IElement element when element.LocalName == "pre":
                    _raw.Append("\n\n").Append(element.TextContent).Append("\n\n");
                    break;
                case IElement element when Blocks.Contains(element.LocalName) || element.LocalName is "td" or "th":
                    var separator = element.LocalName is "td" or "th" ? " " : "\n\n";
                    if (!continued.Contains(element))
                    {
                        _raw.Append(separator);
                    }

                    Walk(element, continued, open);
                    if (!open.Contains(element))
                    {
                        _raw.Append(separator);
                    }

                    break;
                case IElement element:
                    Walk(element, continued, open);
                    break;
            }
        }
    }

    private void AppendCollapsed(string data)
    {
        var last = _raw.Length > 0 ? _raw[^1] : _last;
        var space = last is { } c0 && char.IsWhiteSpace(c0);
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u3000')
            {
                if (!space)
                {
                    _raw.Append(' ');
                    space = true;
                }
            }
            else
            {
                _raw.Append(c);
                space = false;
            }
        }
    }

    /// <summary>What the probe showed: the body, the elements open at the cut (outermost first) and the probe's own nodes.</summary>
    private sealed record Probed(IElement Body, List<IElement> Open, INode[] ProbeNodes);
}
