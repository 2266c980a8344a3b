using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public class HtmlReaderTests
{
    [Fact]
    public void ExtractVisibleText_ScriptsStylesAndHead_AreLeftOut()
    {
        const string html = "<html><head><title>T</title><style>.inequality{}</style></head><body><p>Visible   text</p><script>var inequality = 1;</script><noscript>no</noscript></body></html>";

        var text = HtmlReader.ExtractVisibleText(html);

        Assert.Equal("Visible text", text);
    }

    [Fact]
    public void ExtractVisibleText_BlocksAndBreaks_BecomeLineBreaks()
    {
        const string html = "<body><h1>Title</h1><p>One<br>two</p><ul><li>a</li><li>b</li></ul><p>慈善 <b>事业</b></p></body>";

        var text = HtmlReader.ExtractVisibleText(html);

        Assert.Equal("Title\n\nOne\ntwo\n\na\n\nb\n\n慈善 事业", text);
    }

    [Fact]
    public void ExtractVisibleText_EntitiesAreDecoded()
    {
        var text = HtmlReader.ExtractVisibleText("<p>Rich &amp; poor &lt;gap&gt;</p>");

        Assert.Equal("Rich & poor <gap>", text);
    }

    [Fact]
    public void ExtractVisibleText_SoftHyphenEntityInsideAWord_StillMatchesTheTerm()
    {
        // Arrange: issue 9: HTML soft hyphens and zero-width spaces hid a word from matching.
        const string html = "<p>Rising inequal&shy;ity and wealth&#8203;gap, in&#x200B;equality.</p>";
        var matcher = new LexiconMatcher(LexiconLoader.FromCsvText("theme,term\ninequality,inequality\ninequality,wealthgap\n", "test.csv"));

        // Act
        var text = HtmlReader.ExtractVisibleText(html);
        var hits = matcher.Match(text);

        // Assert: the text keeps the invisible characters; the hits point at them in it.
        Assert.Equal("Rising inequal\u00ADity and wealth\u200Bgap, in\u200Bequality.", text);
        Assert.Equal(["inequal\u00ADity", "wealth\u200Bgap", "in\u200Bequality"], hits.Select(h => text[h.Start..h.End]));
    }

    [Theory]
    [InlineData("<html><head><title>T</title></head><body><div><p>One<p>Two<br><img src=x></div></body></html>", 1)]
    [InlineData("<div><div><span>a</span></div></div>", 3)]
    [InlineData("<div/><div/><div/>", 0)]
    [InlineData("<!-- <div><div><div> --><div></div>", 1)]
    [InlineData("<script>if (a < b) { x = '<div><div>'; }</script><b>x</b>", 1)]
    public void NestingDepth_Tags_CountsWhatNestsAsWritten(string html, int expected)
    {
        Assert.Equal(expected, HtmlReader.NestingDepth(html, HtmlReader.MaxDepth));
    }

    [Fact]
    public void Read_PageNestedDeeperThanTheLimit_IsRefusedNamingTheFile()
    {
        // Arrange: issue 9: 100,000 nested tags took five minutes to parse.
        var html = string.Concat(Enumerable.Repeat("<div>", 100_000)) + "charity" + string.Concat(Enumerable.Repeat("</div>", 100_000));
        var file = new SourceFile("/in/deep.html", "deep.html", "/in");

        // Act
        var error = Assert.Throws<CommonProsperity.Nlp.Errors.InputException>(
            () => new HtmlReader().Read(file, System.Text.Encoding.UTF8.GetBytes(html), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None).ToList());

        // Assert
        Assert.Equal("deep.html: the page nests elements more than 1000 deep (browsers stop at 512); reading it would take hours. "
            + "The file is probably generated or damaged: remove it, or save the page's text as .txt and analyse that.", error.Message);
    }

    [Fact]
    public void Read_PageNestedToTheLimit_IsRead()
    {
        var html = string.Concat(Enumerable.Repeat("<div>", HtmlReader.MaxDepth)) + "charity" + string.Concat(Enumerable.Repeat("</div>", HtmlReader.MaxDepth))
            + string.Concat(Enumerable.Repeat("<p>unclosed paragraph", 5000));
        var file = new SourceFile("/in/deep.html", "deep.html", "/in");

        var document = Assert.Single(new HtmlReader().Read(file, System.Text.Encoding.UTF8.GetBytes(html), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None));

        Assert.StartsWith("charity", document.Text, StringComparison.Ordinal);
    }
}
