using System.Text;
using System.Text.Json;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary>
/// <c>--encoding</c>: the encoding of the text inputs given instead of detected, for files the detection reads
/// wrong. The files here are Big5 and GB18030 text whose bytes happen to be valid UTF-8 too (every character's
/// lead byte in C2–DF, its trail byte in 80–BF), which the detection therefore reads as UTF-8.
/// </summary>
public class EncodingOptionTests
{
    private const string Traditional = "翻譯 警覺 議 職 禮 讀 穩 糧 織 簡 礎";
    private const string Simplified = "同业 协 平 展 群 税 医 住 裕";
    private const string Lexicon = "theme,term\ncontrol,警觉\nphilanthropy,同业\n";

    static EncodingOptionTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Analyze_Big5FileThatIsAlsoValidUtf8_IsReadAsBig5OnlyWithTheOption()
    {
        using var temp = new TempDirectory();
        var bytes = Encoding.GetEncoding("big5").GetBytes(Traditional);
        Assert.True(System.Text.Unicode.Utf8.IsValid(bytes)); // the trap: detection takes it for UTF-8
        temp.Write("in/notice.txt", bytes);
        temp.Write("lexicon.csv", Lexicon);

        var (detected, _, _) = CliRunner.Run("analyze", temp.File("in"), "--lexicon", temp.File("lexicon.csv"), "--out", temp.File("detected"), "--quiet");
        var (given, _, error) = CliRunner.Run("analyze", temp.File("in"), "--lexicon", temp.File("lexicon.csv"), "--out", temp.File("given"), "--quiet", "--encoding", "big5");

        Assert.Equal((0, 0), (detected, given));
        Assert.Equal(string.Empty, error);
        Assert.Equal(("utf-8", "valid UTF-8"), Input(temp.File("detected")));
        Assert.Equal(0, Hits(temp.File("detected"), "control"));
        Assert.Equal(("big5", "given (the encoding option), not detected"), Input(temp.File("given")));
        Assert.Equal(1, Hits(temp.File("given"), "control"));
        Assert.Contains("警覺", File.ReadAllText(temp.File("given/evidence.csv")), StringComparison.Ordinal);
        Assert.Contains("\"encoding\": \"big5\"", File.ReadAllText(temp.File("given/manifest.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_Gb18030TextCsvAndHtmlThatAreAlsoValidUtf8_AreReadAsGb18030WithTheOption()
    {
        using var temp = new TempDirectory();
        var gb18030 = Encoding.GetEncoding("GB18030");
        temp.Write("in/a.txt", gb18030.GetBytes(Simplified));
        temp.Write("in/rows.csv", gb18030.GetBytes($"id,text\nr1,{Simplified}\n"));
        temp.Write("in/page.html", gb18030.GetBytes($"<html><body><p>{Simplified}</p></body></html>"));
        temp.Write("lexicon.csv", Lexicon);

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--lexicon", temp.File("lexicon.csv"), "--out", temp.File("out"), "--quiet", "--encoding", "GBK");

        Assert.True(code == 0, error);
        Assert.Equal(3, Hits(temp.File("out"), "philanthropy"));
        var rows = ReportReader.Read(temp.File("out/" + ReportFiles.ThemeFrequency)).Where(r => r["theme"] == "philanthropy");
        Assert.Equal([("a.txt", "1"), ("page.html", "1"), ("rows.csv#r1", "1")], rows.Select(r => (r["document"], r["hits"])));
    }

    [Fact]
    public void Analyze_FileNotValidInTheGivenEncoding_IsSkippedNamingTheOption()
    {
        using var temp = new TempDirectory();
        temp.Write("in/good.txt", Encoding.GetEncoding("big5").GetBytes(Traditional));
        temp.Write("in/bad.txt", [.. "Common prosperity "u8, 0xA4, 0x30, .. " and charity."u8]); // a Big5 lead byte without its trail byte

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--out", temp.File("out"), "--quiet", "--encoding", "big5");

        Assert.Equal(2, code);
        Assert.Contains("skipped: bad.txt: the file is not valid big5 text, the encoding it was given. Check the encoding given with --encoding", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("kwic")]
    public void Command_UnknownEncodingName_ExitsWith64NamingItAndTheChoices(string command)
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", "Common prosperity.");
        string[] args = command == "kwic" ? ["kwic", temp.File("in"), "--term", "prosperity", "--encoding", "klingon"] : ["analyze", temp.File("in"), "--out", temp.File("out"), "--encoding", "klingon"];

        var (code, _, error) = CliRunner.Run(args);

        Assert.Equal(64, code);
        Assert.Contains("--encoding 'klingon' is not an encoding the toolkit knows. Give one of utf-8, utf-16le, utf-16be, gb18030", error, StringComparison.Ordinal);
    }

    private static (string? Encoding, string? By) Input(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, ReportFiles.Manifest)));
        var input = manifest.RootElement.GetProperty("inputs")[0];
        return (input.GetProperty("encoding").GetString(), input.GetProperty("encoding_by").GetString());
    }

    private static int Hits(string folder, string theme) =>
        ReportReader.Read(Path.Combine(folder, ReportFiles.ThemeFrequency)).Where(r => r["theme"] == theme).Sum(r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture));
}
