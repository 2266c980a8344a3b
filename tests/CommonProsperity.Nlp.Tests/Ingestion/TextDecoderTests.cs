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

    [Theory]
    [MemberData(nameof(Encoded))]
    public void DecodePooled_KnownEncoding_GivesWhatDecodeGives(string expectedEncoding, byte[] bytes)
    {
        var decoded = TextDecoder.Decode(bytes, "doc.txt");

        var (text, encoding, by) = TextDecoder.DecodePooled(bytes, "doc.txt");

        Assert.Equal(expectedEncoding, encoding);
        Assert.Equal(decoded.By, by);
        Assert.Equal(decoded.Text, text.Memory.ToString());
        text.Return();
        Assert.Throws<ObjectDisposedException>(() => text.Memory);
        text.Return(); // a second return does nothing
    }

    [Fact]
    public void DecodePooled_InvalidBytes_ThrowsAsDecodeDoes()
    {
        // UTF-16LE without a byte order mark and with an unpaired low surrogate: the decision holds, the decoding fails.
        byte[] bytes = [.. Encoding.Unicode.GetBytes("Common prosperity for all, step by step. "), 0x00, 0xDC, .. Encoding.Unicode.GetBytes(" end")];

        var expected = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "memo.txt"));
        var error = Assert.Throws<InputException>(() => TextDecoder.DecodePooled(bytes, "memo.txt"));

        Assert.Equal(expected.Message, error.Message);
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
    public void Decode_Utf16WithoutBomAndAnUnpairedSurrogate_SaysItHasNoByteOrderMark()
    {
        // UTF-16LE "Common prosperity " without a byte order mark, then a low surrogate with no high one before it.
        byte[] bytes = [.. Encoding.Unicode.GetBytes("Common prosperity for all, step by step. "), 0x00, 0xDC, .. Encoding.Unicode.GetBytes(" end")];

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "memo.txt"));

        Assert.StartsWith("memo.txt: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("no byte order mark", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("starts with", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Latin1Bytes_IsRefusedRatherThanGuessed()
    {
        var bytes = Encoding.Latin1.GetBytes("Caf\u00e9 r\u00e9sum\u00e9 na\u00efve fa\u00e7ade");

        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "latin.txt"));

        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("Re-save", error.Message, StringComparison.Ordinal);
    }

    private const string Traditional = "第一條 為了發展慈善事業，弘揚慈善文化，規範慈善活動，推進共同富裕，制定本法。";

    [Fact]
    public void Decode_Big5Bytes_DecodesAsBig5NotGb18030AndSaysTheDetectorDecided()
    {
        // Arrange: Big5 bytes are valid GBK too; read as GBK they would be nonsense characters.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("big5").GetBytes(Traditional);
        Assert.NotEqual(Traditional, Encoding.GetEncoding("GBK").GetString(bytes));

        // Act
        var decoded = TextDecoder.Decode(bytes, "big5.txt");

        // Assert
        Assert.Equal(("big5", Traditional), (decoded.Encoding, decoded.Text));
        Assert.StartsWith("detector UTF.Unknown: big5, confidence ", decoded.By, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_GbkBytesOfTraditionalText_StayGb18030()
    {
        // Arrange
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding("GBK").GetBytes(Traditional);

        // Act
        var decoded = TextDecoder.Decode(bytes, "gbk.txt");

        // Assert
        Assert.Equal(("gb18030", Traditional), (decoded.Encoding, decoded.Text));
    }

    [Theory]
    [InlineData("shift_jis", "共同富裕は社会主義の本質的な要求である。所得格差を縮小する。", "Japanese text in Shift-JIS", "iconv -f SHIFT_JIS -t UTF-8")]
    [InlineData("euc-jp", "共同富裕は社会主義の本質的な要求である。所得格差を縮小する。", "Japanese text in EUC-JP", "iconv -f EUC-JP -t UTF-8")]
    [InlineData("euc-kr", "공동부유는 사회주의의 본질적 요구이다. 소득 격차를 줄인다.", "Korean text in EUC-KR", "iconv -f EUC-KR -t UTF-8")]
    public void Decode_JapaneseOrKoreanBytes_IsRefusedNamingTheEncodingAndTheFix(string encoding, string text, string language, string fix)
    {
        // Arrange
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text);

        // Act
        var error = Assert.Throws<InputException>(() => TextDecoder.Decode(bytes, "report.txt"));

        // Assert
        Assert.StartsWith($"report.txt: the file looks like {language}, which the toolkit does not read", error.Message, StringComparison.Ordinal);
        Assert.Contains(fix, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_Utf8AndBom_SayHowTheEncodingWasDecided()
    {
        // Act
        var plain = TextDecoder.Decode(Encoding.UTF8.GetBytes(Chinese), "a.txt");
        var bom = TextDecoder.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Chinese)], "b.txt");

        // Assert
        Assert.Equal(("valid UTF-8", "byte order mark"), (plain.By, bom.By));
    }
}
