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
}
