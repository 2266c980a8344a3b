using System.Globalization;
using System.Text;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

public sealed class TokenBufferTests
{
    [Fact]
    public void Accessors_AfterTokenize_AgreeWithToList()
    {
        // Arrange
        var buffer = new TokenBuffer();

        // Act
        CountingTokenizer.Instance.Tokenize("Party-State, 共同", buffer);

        // Assert
        Assert.Equal(4, buffer.Count);
        Assert.Equal("party", buffer.Key(0).ToString());
        Assert.Equal("state", buffer.Key(1).ToString());
        Assert.Equal("共", buffer.Key(2).ToString());
        Assert.Equal((6, 11), (buffer.Start(1), buffer.End(1)));
        Assert.True(buffer.JoinsPrevious(1));
        Assert.False(buffer.JoinsPrevious(2));
        Assert.Equal(
            [
                new Token("party", 0, 5, false),
                new Token("state", 6, 11, true),
                new Token("共", 13, 14, false),
                new Token("同", 14, 15, true),
            ],
            buffer.ToList());
    }

    [Fact]
    public void Tokenize_MoreTokensAndKeyCharactersThanTheInitialCapacity_KeepsEveryToken()
    {
        // Arrange: 3000 tokens (initial capacity 1024) with 20 000 key characters (initial 8192).
        var text = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            text.Append("w").Append(i.ToString("D5", CultureInfo.InvariantCulture)).Append("abc ");
        }

        var buffer = new TokenBuffer();

        // Act
        CountingTokenizer.Instance.Tokenize(text.ToString(), buffer);

        // Assert
        Assert.Equal(3000, buffer.Count);
        Assert.Equal("w00000abc", buffer.Key(0).ToString());
        Assert.Equal("w01500abc", buffer.Key(1500).ToString());
        Assert.Equal("w02999abc", buffer.Key(2999).ToString());
        Assert.Equal((2999 * 10, (2999 * 10) + 9), (buffer.Start(2999), buffer.End(2999)));
    }

    [Fact]
    public void ToList_EmptyBuffer_IsEmpty()
    {
        Assert.Empty(new TokenBuffer().ToList());
    }

    [Fact]
    public void SplitFrom_WordsJoinedAtLineEndHyphens_SplitsThemIntoPartsAndCopiesTheOtherTokens()
    {
        // Arrange: "development" joined over two line-end hyphens, "economic" over one; "the" and "plan" as they are.
        const string text = "the devel-\nop-\nment plan eco-\nnomic";
        var tokens = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text, tokens);
        var parts = new TokenBuffer();
        var partToken = new int[tokens.Count + tokens.SplitCount];

        // Act
        var longest = parts.SplitFrom(tokens, partToken);

        // Assert
        Assert.Equal(["the", "development", "plan", "economic"], tokens.ToList().Select(t => t.Text));
        Assert.Equal(["the", "devel", "op", "ment", "plan", "eco", "nomic"], parts.ToList().Select(t => t.Text));
        Assert.Equal([0, 1, 1, 1, 2, 3, 3], partToken);
        Assert.Equal(
            [(0, 3), (4, 9), (11, 13), (15, 19), (20, 24), (25, 28), (30, 35)],
            Enumerable.Range(0, parts.Count).Select(p => (parts.Start(p), parts.End(p))));
        Assert.Equal([false, false, true, true, false, false, true], Enumerable.Range(0, parts.Count).Select(parts.BreakBefore));
        Assert.Equal([false, true, true, true, true, true, true], Enumerable.Range(0, parts.Count).Select(parts.JoinsPrevious)); // only spaces between them
        Assert.Equal(3, parts.LineEndHyphens);
        Assert.Equal(3, longest);
        Assert.All(Enumerable.Range(0, parts.Count), p => Assert.Equal(TokenKeyHash.Of(parts.Key(p)), parts.KeyHash(p)));
    }

    [Fact]
    public void SplitFrom_ManyTokensAndABreakBetweenWords_KeepsEveryTokenAndTheBreak()
    {
        // Arrange: more tokens than the buffer starts with, a word joined at the end, and a line-end hyphen
        // that did not join (a capital follows it), so the token after it is marked, not split.
        var text = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            text.Append("word").Append(i.ToString(CultureInfo.InvariantCulture)).Append(' ');
        }

        text.Append("Party-\nState com-\nmon");
        var tokens = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text.ToString(), tokens);
        var parts = new TokenBuffer();
        var partToken = new int[tokens.Count + tokens.SplitCount];

        // Act
        var longest = parts.SplitFrom(tokens, partToken);

        // Assert
        Assert.Equal(tokens.Count + 1, parts.Count);
        Assert.Equal(tokens.ToList().Take(1501), parts.ToList().Take(1501));
        Assert.True(parts.BreakBefore(1501));
        Assert.Equal(["state", "com", "mon"], parts.ToList().Skip(1501).Select(t => t.Text));
        Assert.Equal(2, parts.LineEndHyphens);
        Assert.Equal(2, longest);
        Assert.Equal(tokens.Count - 1, partToken[parts.Count - 1]);
    }
}
