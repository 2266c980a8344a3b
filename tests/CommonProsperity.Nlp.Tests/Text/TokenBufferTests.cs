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
}
