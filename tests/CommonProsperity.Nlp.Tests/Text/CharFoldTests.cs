using System.Text;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

/// <summary>Rule 1 of docs/counting-rules.md: the generated character folding table and how the tokenizer applies it.</summary>
public sealed class CharFoldTests
{
    private static readonly (int From, int To)[] Table = [.. CharFold.ReadTable()];

    private static string Folded(string text)
    {
        var buffer = Array.Empty<char>();
        return CharFold.Apply(text, ref buffer).ToString();
    }

    [Theory]
    [InlineData("ＧＤＰ增长２０２１年", "GDP增长2021年")]
    [InlineData("⼈⺠⽣活", "人民生活")]
    [InlineData("金融", "金融")]
    [InlineData("貧富差距擴大，發展不平衡", "贫富差距扩大,发展不平衡")]
    [InlineData("這裡", "这里")]
    [InlineData("黨的領導", "党的领导")]
    [InlineData("party－state　", "party-state ")]
    [InlineData("共同富裕 GDP 2021", "共同富裕 GDP 2021")]
    public void Apply_Text_FoldsEachCharacterAndKeepsTheLength(string text, string expected)
    {
        // Act
        var folded = Folded(text);

        // Assert
        Assert.Equal(expected, folded);
        Assert.Equal(text.Length, folded.Length);
    }

    [Fact]
    public void Apply_TextWithNothingToFold_ReturnsTheSameSpanWithoutCopying()
    {
        // Arrange
        var text = "共同富裕 common prosperity".AsSpan();
        var buffer = Array.Empty<char>();

        // Act
        var folded = CharFold.Apply(text, ref buffer);

        // Assert
        Assert.True(folded == text);
        Assert.Empty(buffer);
    }

    [Fact]
    public void Apply_FoldedCharactersBetweenAsciiRunsOfEveryLength_FoldsEachCharacterAsTheTableSays()
    {
        // Arrange: after the first character that folds, ASCII runs are copied a vector at a time; runs of
        // 0 to 70 characters between full-width letters, CJK punctuation and traditional characters.
        var folding = new[] { 'Ａ', '，', '發', 'é', '\u00A0', '展' };
        var text = new StringBuilder("start ");
        for (var run = 0; run <= 70; run++)
        {
            text.Append(folding[run % folding.Length]).Append(new string((char)('a' + (run % 26)), run));
        }

        var original = text.ToString();

        // Act
        var folded = Folded(original);

        // Assert
        Assert.Equal(string.Concat(original.Select(c => (char)CharFold.Fold(c))), folded);
        Assert.Contains("A", folded, StringComparison.Ordinal);
        Assert.Contains("发", folded, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_SupplementaryCharacter_FoldsThePairAndLeavesLoneSurrogatesAlone()
    {
        // Arrange: U+1079C folds to U+1DF04 (NFKC), both beyond the Basic Multilingual Plane.
        var text = "a\U0001079Cb\uD800c\uDC00";

        // Act
        var folded = Folded(text);

        // Assert
        Assert.Equal("a\U0001DF04b\uD800c\uDC00", folded);
    }

    [Fact]
    public void Table_EveryKangxiRadical_FoldsToAUnifiedIdeograph()
    {
        // Arrange
        var map = Table.ToDictionary(r => r.From, r => r.To);

        // Act
        var unfolded = Enumerable.Range(0x2F00, 0x2FD5 - 0x2F00 + 1).Where(c => !map.TryGetValue(c, out var to) || !CharClass.IsHan(to)).ToList();

        // Assert
        Assert.Empty(unfolded);
    }

    [Fact]
    public void Table_FoldingAFoldedCharacter_ChangesNothing()
    {
        // Arrange
        var map = Table.ToDictionary(r => r.From, r => r.To);

        // Act
        var chains = Table.Where(r => map.ContainsKey(r.To)).Select(r => $"U+{r.From:X4}").ToList();

        // Assert
        Assert.Empty(chains);
    }

    [Fact]
    public void Table_EachMapping_KeepsTheUtf16Length()
    {
        // Act
        var changing = Table.Where(r => (r.From > 0xFFFF) != (r.To > 0xFFFF)).Select(r => $"U+{r.From:X4}").ToList();

        // Assert
        Assert.Empty(changing);
    }

    [Fact]
    public void Table_FullWidthForms_AgreeWithNfkcOfTheRuntime()
    {
        // Arrange: the generator took NFKC from Python's unicodedata; .NET's normalisation must agree.
        var map = Table.ToDictionary(r => r.From, r => r.To);

        // Act
        var disagreeing = Enumerable.Range(0xFF01, 0xFF5E - 0xFF01 + 1)
            .Concat(Enumerable.Range(0xF900, 0xFA6D - 0xF900 + 1))
            .Concat(Enumerable.Range(0x2F00, 0x2FD5 - 0x2F00 + 1))
            .Where(c => char.ConvertFromUtf32(c).Normalize(NormalizationForm.FormKC) is var n && n.Length == 1
                && map.GetValueOrDefault(c, c) != n[0] && !IsFurtherFolded(map, n[0], map.GetValueOrDefault(c, c)))
            .Select(c => $"U+{c:X4}")
            .ToList();

        // Assert
        Assert.Empty(disagreeing);
    }

    /// <summary>True when the NFKC form was folded further (to simplified) into what the table holds.</summary>
    private static bool IsFurtherFolded(Dictionary<int, int> map, int nfkc, int folded) => map.GetValueOrDefault(nfkc, nfkc) == folded;

    [Theory]
    [InlineData("ＧＤＰ增長", "GDP增长")]
    [InlineData("發展不平衡不充分", "发展不平衡不充分")]
    [InlineData("⼈⺠", "人民")]
    public void Tokenize_FoldedAndOriginalText_SameKeysAndOffsets(string original, string simplified)
    {
        // Act
        var a = CountingTokenizer.Instance.Tokenize(original);
        var b = CountingTokenizer.Instance.Tokenize(simplified);

        // Assert
        Assert.Equal(b, a);
    }

    [Fact]
    public void Tokenize_Verbatim_KeepsTheCharactersAsWritten()
    {
        // Act
        var keys = CountingTokenizer.Verbatim.Tokenize("ＧＤＰ發展").Select(t => t.Text);

        // Assert
        Assert.Equal(["ｇｄｐ", "發", "展"], keys);
    }
}
