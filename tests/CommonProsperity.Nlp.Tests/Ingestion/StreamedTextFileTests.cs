using System.Security.Cryptography;
using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// <see cref="StreamedTextFile"/> against <see cref="TextDecoder"/>: for every kind of bytes, the file read
/// as a stream has the same text, encoding and reason, or is refused with the same message, as the file
/// decoded whole; and its hash is the file's SHA-256.
/// </summary>
public class StreamedTextFileTests
{
    private const string Chinese = "推进共同富裕，发展慈善事业。Common prosperity.";
    private const string Traditional = "推進共同富裕，發展慈善事業。慈善組織應當依法開展活動，接受社會監督。";

    public static TheoryData<string, byte[]> Files()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var chunk = 1 << 20; // the first pass reads 1 MiB at a time: sequences cut at its end must be carried over
        var longUtf8 = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("慈善 charity ", (chunk / 10) + 100)));
        var longAsciiThenLatin1 = (byte[])[.. Enumerable.Repeat((byte)'a', chunk - 1), 0xE9, (byte)'b'];
        return new TheoryData<string, byte[]>
        {
            { "utf-8", Encoding.UTF8.GetBytes(Chinese) },
            { "utf-8 across chunk ends", longUtf8 },
            { "utf-8 cut at the end", [.. Encoding.UTF8.GetBytes(Chinese), 0xE6, 0x85] },
            { "utf-8-bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Chinese)] },
            { "utf-8-bom invalid", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Chinese), 0xFF] },
            { "utf-16le-bom", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Chinese)] },
            { "utf-16be-bom", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Chinese)] },
            { "utf-16le-bom odd", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Chinese), 0x41] },
            { "utf-16le", Encoding.Unicode.GetBytes("Plain English text without a byte order mark.") },
            { "utf-16be", Encoding.BigEndianUnicode.GetBytes("Plain English text without a byte order mark.") },
            { "gbk", Encoding.GetEncoding("GBK").GetBytes(Chinese) },
            { "gbk traditional", Encoding.GetEncoding("GBK").GetBytes(Traditional) },
            { "big5", Encoding.GetEncoding("big5").GetBytes(Traditional) },
            { "shift-jis", Encoding.GetEncoding("shift_jis").GetBytes("共同富裕は社会主義の本質的な要求である。所得格差を縮小する。") },
            { "binary", [0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x44] },
            { "latin-1", Encoding.Latin1.GetBytes("Déjà vu: the café's naïve façade.") },
            { "latin-1 after 1 MiB of ascii", longAsciiThenLatin1 },
        };
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Inspect_AnyBytes_DecodesOrRefusesAsTextDecoder(string name, byte[] bytes)
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.File("doc.txt");
        File.WriteAllBytes(path, bytes);
        var file = new SourceFile(path, "doc.txt", temp.Path);
        DecodedText? whole = null;
        InputException? wholeError = null;
        try
        {
            whole = TextDecoder.Decode(bytes, "doc.txt");
        }
        catch (InputException e)
        {
            wholeError = e;
        }

        // Act
        string sha256;
        StreamedTextFile? streamed = null;
        InputException? streamedError = null;
        try
        {
            streamed = StreamedTextFile.Inspect(file, out sha256, out _, CancellationToken.None);
        }
        catch (InputException e)
        {
            streamedError = e;
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        // Assert
        Assert.True(whole is not null == streamed is not null, $"{name}: whole {whole?.Encoding ?? wholeError?.Message}, streamed {streamed?.EncodingName ?? streamedError?.Message}");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256);
        if (whole is null)
        {
            Assert.Equal(wholeError!.Message, streamedError!.Message);
            return;
        }

        using var reader = streamed!.Open();
        Assert.Equal((whole.Encoding, whole.By, whole.Text), (streamed.EncodingName, streamed.By, reader.ReadToEnd()));
        Assert.Equal(bytes.LongLength, streamed.Bytes);
    }
}
