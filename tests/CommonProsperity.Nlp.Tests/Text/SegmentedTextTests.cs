using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

public sealed class SegmentedTextTests
{
    // Sentences: [2,10) "He left.", [11,22) "She stayed.", [24,33) "New para."
    private const string Text = "  He left. She stayed.\n\nNew para.";

    [Theory]
    [InlineData(0, -1)]  // before the first sentence
    [InlineData(1, -1)]
    [InlineData(2, 0)]   // first character of the first sentence
    [InlineData(9, 0)]   // its last character
    [InlineData(10, 0)]  // the space after it: the nearest sentence before
    [InlineData(11, 1)]
    [InlineData(21, 1)]
    [InlineData(23, 1)]  // inside the blank line
    [InlineData(24, 2)]
    [InlineData(32, 2)]
    [InlineData(1000, 2)] // past the end
    public void SentenceAt_Offset_FindsTheSentenceContainingOrBeforeIt(int offset, int expected)
    {
        // Arrange
        var segmented = TextSegmenter.Instance.Segment(Text);

        // Act
        var index = segmented.SentenceAt(offset);

        // Assert
        Assert.Equal(expected, index);
    }

    [Fact]
    public void SentenceAt_NoSentences_IsMinusOne()
    {
        // Arrange
        var segmented = TextSegmenter.Instance.Segment("");

        // Act and Assert
        Assert.Equal(-1, segmented.SentenceAt(0));
    }

    [Fact]
    public void SentenceAt_ManySentences_FindsEachByBinarySearch()
    {
        // Arrange: 1001 sentences, sentence i covering [10i, 10i + 8).
        var sentences = Enumerable.Range(0, 1001).Select(i => new TextSegment(i, i * 10, (i * 10) + 8, 0)).ToArray();
        var segmented = new SegmentedText([new TextSegment(0, 0, 10008, 0)], sentences);

        // Act
        var found = Enumerable.Range(0, 1001).Select(i => segmented.SentenceAt((i * 10) + 9)).ToArray();

        // Assert
        Assert.Equal(Enumerable.Range(0, 1001), found);
        Assert.Equal(0, segmented.SentenceAt(0));
        Assert.Equal(1000, segmented.SentenceAt(10000));
        Assert.Equal(999, segmented.SentenceAt(9999));
        Assert.Equal(-1, segmented.SentenceAt(-1));
    }
}
