using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// Review of the seventh session: an HTML page's own <c>meta charset</c> was not read (only a byte order mark, the
/// run-wide encoding option or the detector decided). It is read now for a page that is not valid UTF-8, before the detector.
/// </summary>
public class HtmlCharsetTests
{
    private const string Simplified = "推进共同富裕，发展慈善事业，促进第三次分配。";
    private const string Traditional = "推進共同富裕，發展慈善事業，促進第三次分配。";

    static HtmlCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("<html><head><meta charset=\"GBK\"></head>", "gbk")]
    [InlineData("<meta charset=big5>", "big5")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">", "gb2312")]
    [InlineData("<meta http-equiv='content-type' content='text/html;charset= utf-8'>", "utf-8")]
    [InlineData("<html><head><title>charset=gbk</title></head>", null)]
    [InlineData("<p>no declaration</p>", null)]
    public void Declared_MetaElementsInTheFirstBytes_GiveTheCharsetNamed(string head, string? expected)
    {
        Assert.Equal(expected, HtmlCharset.Declared(Encoding.ASCII.GetBytes(head)));
    }

    [Fact]
    public void Declared_PastTheFirst1024Bytes_IsNotLookedFor()
    {
        var page = "<html><head>" + new string(' ', HtmlCharset.PrescanBytes) + "<meta charset=\"gbk\"></head>";

        Assert.Null(HtmlCharset.Declared(Encoding.ASCII.GetBytes(page)));
    }

    [Theory]
    [InlineData("gbk", Simplified, "gb18030")]
    [InlineData("gb2312", Simplified, "gb18030")]
    [InlineData("big5", Traditional, "big5")]
    public void Decode_PageDeclaringAChineseEncoding_IsReadInItAndSaysSo(string declared, string text, string expected)
    {
        var bytes = Page(declared, text, declared == "big5" ? "big5" : "gb18030");

        var decoded = TextDecoder.Decode(bytes, "page.html", html: true);

        Assert.Equal((expected, $"the page's meta charset: {declared}"), (decoded.Encoding, decoded.By));
        Assert.Contains(text, decoded.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ValidUtf8PageDeclaringGbk_IsReadAsUtf8()
    {
        // A page re-saved as UTF-8 that kept its old declaration: valid UTF-8 is the stronger sign.
        var decoded = TextDecoder.Decode(Page("gbk", Simplified, "utf-8"), "page.html", html: true);

        Assert.Equal(("utf-8", Simplified), (decoded.Encoding, HtmlReader.ExtractVisibleText(decoded.Text)));
    }

    [Fact]
    public void Decode_PageWithBytesInvalidInTheEncodingItDeclares_IsRefusedNamingTheDeclaration()
    {
        byte[] bytes = [.. Page("gbk", Simplified, "gb18030"), 0xFF, 0xFF];

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "page.html", html: true));

        Assert.StartsWith("page.html: the page declares its encoding as gbk (its meta charset), but some of its bytes are not valid GB18030. Re-save it as UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_PageDeclaringShiftJis_IsRefusedAsJapanese()
    {
        var bytes = Page("shift_jis", "日本語のテキストです。", "shift_jis");

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "page.html", html: true));

        Assert.Contains("Japanese text in Shift-JIS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GivenEncoding_IsTakenOverThePagesDeclaration()
    {
        var bytes = Page("big5", Simplified, "gb18030");

        var decoded = TextDecoder.Decode(bytes, "page.html", GivenEncoding.Parse("gb18030"), html: true);

        Assert.Equal(("gb18030", GivenEncoding.By), (decoded.Encoding, decoded.By));
    }

    [Fact]
    public void Decode_TextFileWithAMetaElement_IsNotReadByIt()
    {
        var decoded = TextDecoder.Decode(Page("big5", Simplified, "gb18030"), "notes.txt");

        Assert.NotEqual($"the page's meta charset: big5", decoded.By);
    }

    [Fact]
    public void Read_DeclaringPagesWholeAndStreamed_GiveTheSameDocumentsAndEncodings()
    {
        using var temp = new TempDirectory();
        temp.Write("in/gbk.html", Page("gbk", Simplified, "gb18030"));
        temp.Write("in/big5.htm", Page("big5", Traditional, "big5"));

        var whole = DocumentSourceTests.ReadAll(new IngestionOptions(), temp.File("in"));
        var streamed = DocumentSourceTests.ReadAll(new IngestionOptions() with { StreamedFileBytes = 0 }, temp.File("in"));

        foreach (var (documents, source) in new[] { (whole.Documents, whole.Source), (streamed.Documents, streamed.Source) })
        {
            Assert.Equal([("big5.htm", "big5"), ("gbk.html", "gb18030")], documents.Select(d => (d.Id, d.Encoding)).OrderBy(d => d.Id, StringComparer.Ordinal));
            Assert.Equal(["the page's meta charset: big5", "the page's meta charset: gbk"], source.Inputs.Select(i => i.EncodingBy).Order(StringComparer.Ordinal));
        }

        Assert.Equal(whole.Source.Inputs, streamed.Source.Inputs);
    }

    private static byte[] Page(string declared, string text, string encoding) =>
        Encoding.GetEncoding(encoding).GetBytes($"<html><head><meta charset=\"{declared}\"><title>t</title></head><body><p>{text}</p></body></html>");
}
