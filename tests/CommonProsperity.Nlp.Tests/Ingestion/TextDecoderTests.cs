using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public class TextDecoderTests
{
    private const string Chinese = "推进共同富裕，发展慈善事业。Common prosperity.";

    public static TheoryData<string, byte[]> Encoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new TheoryData<string, byte[]>
        {
            { "utf-8", Encoding.UTF8.GetBytes(Chinese) },
            { "utf-8-bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Chinese)] },
            { "utf-16le-bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Chinese)] },
            { "utf-16be-bom", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Chinese)] },
            { "utf-16le", Encoding.Unicode.GetBytes("Plain English text without a byte order mark.") },
            { "utf-16be", Encoding.BigEndianUnicode.GetBytes("Plain English text without a byte order mark.") },
            { "gb18030", Encoding.GetEncoding("GBK").GetBytes(Chinese) },
        };
    }

    [Theory]
    [MemberData(nameof(Encoded))]
    public void Decode_KnownEncoding_ReturnsTextAndNamesEncoding(string expectedEncoding, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes, "doc.txt");

        Assert.Equal(expectedEncoding, decoded.Encoding);
        Assert.True(decoded.Text == Chinese || decoded.Text.StartsWith("Plain English", StringComparison.Ordinal), decoded.Text);
        Assert.DoesNotContain('\uFEFF', decoded.Text);
    }

    [Fact]
    public void Decode_BinaryBytes_ThrowsNamingTheFile()
    {
        byte[] bytes = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x9C];

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "scan.txt"));

        Assert.StartsWith("scan.txt: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Latin1Bytes_IsRefusedRatherThanGuessed()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve fa\u00e7ade");

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "latin.txt"));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("Re-save", error.Message, StringComparison.Ordinal);
    }
}
