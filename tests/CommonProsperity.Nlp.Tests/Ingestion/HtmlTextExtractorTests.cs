using System.Text;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// Issue 14, item 3: a page parsed in pieces gives the text of the page parsed whole (<see cref="WholePageText"/>), on
/// generated pages of everything HTML's tree building moves or keeps open (tables, implied elements, misnested
/// formatting, scripts, styles, comments, entities, CDATA, templates, forms, frames, quirks) cut wherever the rule
/// allows (pieces of 1 to 200 characters), and on the HTML files of the repository and of ../shared.
/// </summary>
public class HtmlTextExtractorTests
{
    private static readonly string[] Doctypes =
    [
        "", "<!DOCTYPE html>\n", "<!doctype html>", "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">",
        "<!DOCTYPE html garbage>", "<!-- before --><!DOCTYPE html>",
    ];

    private static readonly string[] Openings =
    [
        "", "<html><head><title>T &amp; t</title><style>p { }</style></head><body>\n", "<html><body class=x>", "<head><meta charset=utf-8></head>",
        "<body>", "<html>\n<head>\n<script>var a = '<p>';</script>\n</head>\n<body>\n",
    ];

    // Most pieces are plain text and paragraphs, so that pages have many places to cut; the rest is what the tree builder moves.
    private static readonly string[] Pieces =
    [
        "word ", "word ", "words and more words ", "charity ", "慈善事业 ", "共同富裕。", "\n", "\n\n", " ", "  ", "\t", "\r\n",
        "<p>", "<p>", "</p>", "</p>\n", "<p class=\"a b\">", "<div>", "<div>", "</div>", "<div title='x > y'>", "<span>", "</span>",
        "<section>", "</section>", "<article>", "</article>", "<ul>", "</ul>", "<ol>", "<li>", "</li>", "<dl><dt>", "<dd>", "</dl>",
        "<h1>", "</h1>", "<h2>", "</h3>", "<blockquote>", "</blockquote>", "<center>", "</center>", "<address>", "<br>", "</br>", "<hr>",
        "<b>", "</b>", "<i>", "</i>", "<a href=x>", "</a>", "<a>", "<em>", "</em>", "<font color=red>", "</font>", "<nobr>", "<u>", "</strong>",
        "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<caption>", "</caption>", "<tbody>", "<colgroup><col>",
        "<select><option>o<option>p</select>", "<select>", "<option>", "<textarea>t <p> t</textarea>", "<title>t</title>", "<xmp>x <b> y</xmp>",
        "<pre>\n line\n  two</pre>", "<pre>", "</pre>", "<listing>\nl</listing>", "<script>if (a < b) { x = '<div></p>'; }</script>",
        "<script><!-- <script> </script> --></script>", "<style>p > a { }</style>", "<noscript>no <p>script</noscript>", "<iframe>i</iframe>",
        "<!-- comment -->", "<!-->", "<!---->", "<!-- a -- b -->", "<!-- <p> -->", "<?php echo 1 ?>", "<!x bogus>", "</ x>",
        "&amp;", "&amp", "&nbsp;", "&nbsp", "\u00A0", "\u3000", "&#x3000;", "&#160;", "&notin;", "&notit;", "&lt;p&gt;", "&", "<", ">", "a<b", "&#0;",
        "<template><p>t</p></template>", "<template>", "</template>", "<svg><![CDATA[x < y]]><text>s</text><desc><p>d</desc></svg>",
        "<math><mi>x</mi><annotation-xml encoding=\"text/html\"><p>m</annotation-xml></math>", "<svg>", "</svg>", "<![CDATA[c]]>",
        "<form>", "</form>", "<form><input name=q></form>", "<input type=hidden>", "<button>", "</button>", "<object>", "</object>",
        "<marquee>", "</marquee>", "<applet>", "<frameset>", "<frame>", "<body>", "</body>", "</html>", "<html lang=en>", "<head>", "</head>",
        "<img src=x>", "<image>", "<isindex>", "<ruby>r<rt>t</ruby>", "<details><summary>s</summary>", "</details>", "<label>", "<figure>",
        "<figcaption>", "<main>", "<nav>", "<aside>", "<header>", "<footer>", "<hgroup>", "<menu>", "<search>", "<dialog>", "<fieldset>", "<legend>",
        "<p>", "<div>", "word ", "text\n", "<li>", "<span>",
    ];

    // Fewer kinds, so that the state a cut must see comes up often: an element foster-parented out of a table (open while
    // the table is), a form left open by a misnested div, formatting to reopen, a body still open to a frameset.
    private static readonly string[] TreeBuilderPieces =
    [
        "<table>", "</table>", "<tr>", "<td>", "</td>", "<caption>", "<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "<b>", "</b>", "<i>",
        "<a>", "</a>", "<form>", "</form>", "<li>", "<ul>", "</ul>", "<template>", "</template>", "<select>", "<frameset>", "\u00A0", "&nbsp;",
        "word ", "word ", "word ", "x ", "\n", " ", "<br>", "<!-- c -->",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Extract_GeneratedPagesInPiecesOfAnySize_GiveTheTextOfThePageParsedWhole(int seed)
    {
        var random = new Random(seed);
        var cuts = 0;
        for (var page = 0; page < 10; page++)
        {
            var html = GeneratedPage(random);
            string whole;
            try
            {
                whole = WholePageText.Of(html);
            }
            catch (NullReferenceException)
            {
                // AngleSharp 1.10.3 fails on some pages with a select (in InSelect); such a page has no text to compare with.
                continue;
            }

            foreach (var chunk in new[] { 1, 2, 7, 40, 200 })
            {
                var (text, made) = Extract(html, chunk);
                Assert.True(whole == text, $"seed {seed}, page {page}, pieces of {chunk}: the text differs from the page parsed whole.\npage: {html}\nwhole: {whole}\npieces: {text}");
                cuts += made;
            }
        }

        Assert.True(cuts > 10, $"only {cuts} cuts in the seed's pages: the comparison would not test the cut rule");
    }

    [Fact]
    public void Extract_PagesOfParagraphsAndSections_AreCutInManyPieces()
    {
        // The rule must cut the pages it is for: paragraphs under the body, or in a wrapper, or one long paragraph.
        var words = string.Concat(Enumerable.Repeat("some words of a paragraph ", 40));
        string[] pages =
        [
            "<!DOCTYPE html><html><head><title>t</title></head><body>" + string.Concat(Enumerable.Repeat("<p>" + words + "</p>\n", 50)) + "</body></html>",
            "<html><body><div id=wrapper><main><article>" + string.Concat(Enumerable.Repeat("<p>" + words + "<b>bold</b> text</p>\n", 50)) + "</article></main></div>",
            "<p>" + string.Concat(Enumerable.Repeat(words, 50)),
        ];

        foreach (var html in pages)
        {
            var (text, cuts) = Extract(html, 500);

            Assert.Equal(WholePageText.Of(html), text);
            Assert.True(cuts > html.Length / 2000, $"only {cuts} cuts in {html.Length} characters");
        }
    }

    [Fact]
    public void Extract_CutWouldSplitATextAfterANoBreakSpace_IsNotMade()
    {
        // "a&nbsp;" and " b" as one text node give "a\u00A0 b"; as two, "a\u00A0b".
        var html = "<p>" + string.Concat(Enumerable.Repeat("a\u00A0 b\u3000 c ", 200)) + "</p>";

        Assert.Equal(WholePageText.Of(html), Extract(html, 1).Text);
    }

    [Fact]
    public void Extract_HtmlFilesOfTheRepositoryAndTheSharedFolders_GiveTheTextOfThePagesParsedWhole()
    {
        // Read where they are at test time (never copied); ../shared has had none so far, the repository has its fixture page and the report's page.
        var roots = new[] { Path.Combine(TestPaths.RepoRoot, "src"), Path.Combine(TestPaths.RepoRoot, "tests"), Path.Combine(TestPaths.RepoRoot, "corpus"),
            Path.Combine(TestPaths.Shared, "corpus"), Path.Combine(TestPaths.Shared, "dev") };
        var files = roots.Where(Directory.Exists)
            .SelectMany(root => Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var html = File.ReadAllText(file);
            foreach (var chunk in new[] { 1, 64, 4096 })
            {
                Assert.True(WholePageText.Of(html) == Extract(html, chunk).Text, $"{file}, pieces of {chunk}: the text differs from the page parsed whole.");
            }
        }
    }

    private static (string Text, int Cuts) Extract(string html, int chunk)
    {
        var text = new StringBuilder();
        var extractor = new HtmlTextExtractor(chunk);
        extractor.Extract(new StringReader(html), t => text.Append(t), _ => { }, CancellationToken.None);
        return (text.ToString(), extractor.Cuts);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Extract_GeneratedPagesOfTablesFormsAndFormatting_GiveTheTextOfThePageParsedWhole(int seed)
    {
        var random = new Random(1000 + seed);
        var cuts = 0;
        for (var page = 0; page < 20; page++)
        {
            var html = string.Concat(Enumerable.Range(0, random.Next(1, 120)).Select(_ => TreeBuilderPieces[random.Next(TreeBuilderPieces.Length)]));
            string whole;
            try
            {
                whole = WholePageText.Of(html);
            }
            catch (NullReferenceException)
            {
                continue;
            }

            foreach (var chunk in new[] { 1, 5, 30 })
            {
                var (text, made) = Extract(html, chunk);
                Assert.True(whole == text, $"seed {seed}, page {page}, pieces of {chunk}: the text differs from the page parsed whole.\npage: {html}\nwhole: {whole}\npieces: {text}");
                cuts += made;
            }
        }

        Assert.True(cuts > 10, $"only {cuts} cuts in the seed's pages: the comparison would not test the cut rule");
    }

    private static string GeneratedPage(Random random)
    {
        var page = new StringBuilder();
        page.Append(Doctypes[random.Next(Doctypes.Length)]).Append(Openings[random.Next(Openings.Length)]);
        var pieces = random.Next(1, 300);
        for (var i = 0; i < pieces; i++)
        {
            page.Append(Pieces[random.Next(Pieces.Length)]);
        }

        if (random.Next(3) == 0)
        {
            page.Append("</body></html>");
        }

        if (random.Next(4) == 0)
        {
            page.Append(Pieces[random.Next(Pieces.Length)]).Append("<!-- after -->");
        }

        return page.ToString();
    }
}
