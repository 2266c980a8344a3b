using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Tests.Output;

public class EvidenceContextTests
{
    [Fact]
    public void LeftAndRight_CollapseLineBreaksAndStopAtWidth()
    {
        const string text = "one two\nthree  MATCH four\n\nfive six";
        var start = text.IndexOf("MATCH", StringComparison.Ordinal);

        Assert.Equal("two three ", EvidenceContext.Left(text, start, 12));
        Assert.Equal(" four five", EvidenceContext.Right(text, start + 5, 11));
    }

    [Fact]
    public void LeftAndRight_NeverSplitASurrogatePair()
    {
        const string text = "𠀀𠀀X𠀀𠀀";

        Assert.Equal("𠀀", EvidenceContext.Left(text, 4, 3));
        Assert.Equal("𠀀", EvidenceContext.Right(text, 5, 3));
    }

    [Fact]
    public void IsWhiteSpace_AgreesWithCharIsWhiteSpaceForEveryCharacter()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            Assert.True(char.IsWhiteSpace((char)c) == EvidenceContext.IsWhiteSpace((char)c), $"U+{c:X4}");
        }
    }
}
