using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// The one encoding ladder, fed facts directly (as a first pass would report them): each rung decides from
/// the facts alone, in order, and the costly question (does the whole file read as Chinese?) is asked only
/// when the detector named nothing.
/// </summary>
public class EncodingDecisionTests
{
    [Fact]
    public void Decide_ByteOrderMark_WinsOverTheOtherFacts()
    {
        var facts = new Facts([0xEF, 0xBB, 0xBF, 0x41], validUtf8: false, zero: true);

        var decision = EncodingDecision.Decide(ref facts, "a.txt");

        Assert.Equal(("utf-8-bom", TextDecoder.ByBom, 3, false), (decision.Name, decision.By, decision.Skip, decision.Verified));
        Assert.Empty(facts.Asked);
    }

    [Fact]
    public void Decide_ValidUtf8WithoutZeroBytes_IsVerifiedUtf8()
    {
        var facts = new Facts("plain text"u8.ToArray(), validUtf8: true, zero: false);

        var decision = EncodingDecision.Decide(ref facts, "a.txt");

        Assert.Equal(("utf-8", TextDecoder.ByUtf8, true), (decision.Name, decision.By, decision.Verified));
    }

    [Fact]
    public void Decide_ZeroBytesWithoutTheUtf16Pattern_RefusesTheFileAsBinary()
    {
        var facts = new Facts([0x41, 0x00, 0x42, 0x43, 0x00, 0x00, 0x44], validUtf8: true, zero: true);

        var error = Assert.Throws<InputException>(() => EncodingDecision.Decide(ref facts, "scan.bin"));

        Assert.Equal(TextDecoder.Binary("scan.bin").Message, error.Message);
    }

    [Fact]
    public void Decide_DetectorNamesNothingAndGb18030ReadsAsChinese_ReadsGb18030AfterAskingBig5()
    {
        var facts = new Facts("????"u8.ToArray(), validUtf8: false, zero: false, chineseIn: ["GB18030"]);

        var decision = EncodingDecision.Decide(ref facts, "a.txt");

        Assert.Equal(("gb18030", TextDecoder.ByChineseGb18030, true), (decision.Name, decision.By, decision.Verified));
        Assert.Equal(["GB18030", "Big5"], facts.Asked);
    }

    [Fact]
    public void Decide_ChineseInBothGb18030AndBig5_RefusesTheFileAsAmbiguous()
    {
        var facts = new Facts("????"u8.ToArray(), validUtf8: false, zero: false, chineseIn: ["GB18030", "Big5"]);

        var error = Assert.Throws<InputException>(() => EncodingDecision.Decide(ref facts, "a.txt"));

        Assert.Equal(TextDecoder.Ambiguous("a.txt").Message, error.Message);
    }

    [Fact]
    public void Invalid_OfACheckedDecision_NamesTheFileAndTheEncoding()
    {
        var facts = new Facts([0xFF, 0xFE, 0x41, 0x00], validUtf8: false, zero: true);

        var decision = EncodingDecision.Decide(ref facts, "a.txt");

        Assert.Equal(TextDecoder.BomInvalid("a.txt", "UTF-16").Message, decision.Invalid("a.txt").Message);
    }

    /// <summary>Facts as a first pass would report them; records which encodings it was asked about.</summary>
    private sealed class Facts(byte[] head, bool validUtf8, bool zero, string[]? chineseIn = null) : IEncodingFacts
    {
        public List<string> Asked { get; } = [];

        public ReadOnlySpan<byte> Head => head;

        public long Length => head.Length;

        public bool IsValidUtf8 => validUtf8;

        public bool HasZeroByte => zero;

        public bool ReadsAsChinese(Encoding encoding)
        {
            var name = encoding.CodePage == 54936 ? "GB18030" : "Big5";
            Asked.Add(name);
            return chineseIn?.Contains(name) == true;
        }
    }
}
