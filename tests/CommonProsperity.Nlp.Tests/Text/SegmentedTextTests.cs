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

    [Fact]
    public void Passages_ShortParagraphs_AreTheParagraphs()
    {
        // Arrange
        const string text = "First para. Two sentences.\n\nSecond para.";
        var segmented = TextSegmenter.Instance.Segment(text);

        // Act
        var passages = segmented.Passages();

        // Assert
        Assert.Equal(segmented.Paragraphs, passages);
    }

    [Fact]
    public void Passages_LongParagraph_IsCutAtSentenceEndsIntoPiecesOfAtMostTheMaximum()
    {
        // Arrange: one paragraph of 60 sentences of 50 characters (3,000 characters), then a short one.
        var sentence = "Common prosperity is the goal of the whole party. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 60)).TrimEnd() + "\n\nA short paragraph.";
        var segmented = TextSegmenter.Instance.Segment(text);

        // Act
        var passages = segmented.Passages();

        // Assert: 20 sentences (999 characters) fit in 1,000; 60 sentences make 3 passages, then the short paragraph.
        Assert.Equal(1000, SegmentedText.MaxPassageLength);
        Assert.Equal(4, passages.Count);
        Assert.Equal([0, 0, 0, 1], passages.Select(p => p.Paragraph));
        Assert.Equal(Enumerable.Range(0, 4), passages.Select(p => p.Index));
        Assert.All(passages.Take(3), p => Assert.Equal(999, p.Length));
        Assert.All(passages, p => Assert.True(p.Length <= SegmentedText.MaxPassageLength, $"{p.Length} characters"));
        Assert.Equal(segmented.Paragraphs[0].Start, passages[0].Start);
        Assert.Equal(segmented.Paragraphs[0].End, passages[2].End);
        Assert.Equal(60, passages.Take(3).Sum(p => CountOf(text[p.Start..p.End], "whole party.")));
    }

    [Fact]
    public void Passages_SentenceLongerThanTheMaximum_StaysWhole()
    {
        // Arrange: a 1,500-character sentence between two short ones, all in one paragraph.
        var text = "Short one. A" + new string('x', 1500) + " end. Short two.";
        var segmented = TextSegmenter.Instance.Segment(text);

        // Act
        var passages = segmented.Passages().Select(p => text[p.Start..p.End]).ToArray();

        // Assert
        Assert.Equal(["Short one.", "A" + new string('x', 1500) + " end.", "Short two."], passages);
    }

    [Fact]
    public void Passages_SingleLineChineseReportWithParagraphMarks_GivesOnePassagePerParagraph()
    {
        // Arrange: a report on one line, each paragraph opened by two ideographic spaces, one paragraph long (1,200 characters).
        const string paragraph = "\u3000\u3000扎实推动共同富裕，完善收入分配制度。";
        var longParagraph = "\u3000\u3000" + string.Concat(Enumerable.Repeat("坚持以人民为中心的发展思想，推动高质量发展。", 60));
        var text = "政府工作报告" + paragraph + paragraph + longParagraph + paragraph;
        var segmented = TextSegmenter.Instance.Segment(text);

        // Act
        var passages = segmented.Passages();

        // Assert: the title, two paragraphs, the long one in two pieces (45 sentences of 22 characters, then 15), one paragraph.
        Assert.Equal(5, segmented.Paragraphs.Count);
        Assert.Equal(6, passages.Count);
        Assert.Equal([0, 1, 2, 3, 3, 4], passages.Select(p => p.Paragraph));
        Assert.Equal("扎实推动共同富裕，完善收入分配制度。", text[passages[1].Start..passages[1].End]);
        Assert.Equal(45 * 22, passages[3].Length);
        Assert.Equal(15 * 22, passages[4].Length);
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
