using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class ChineseWordSegmenterTests
{
    [Theory]
    [InlineData("境外非政府组织在中国境内开展活动应当遵守中国法律")]
    [InlineData("鼓励高收入人群和企业更多回报社会")]
    [InlineData("慈")]
    public void Segment_Words_ConcatenateToTheInput(string text)
    {
        var words = ChineseWordSegmenter.Instance.Segment(text);

        Assert.Equal(text, string.Concat(words));
        Assert.All(words, w => Assert.NotEmpty(w));
    }

    [Fact]
    public void Segment_PolicyCompounds_StayWhole()
    {
        var words = ChineseWordSegmenter.Instance.Segment("扎实推动共同富裕，防止资本无序扩张，发展慈善事业");

        Assert.Contains("共同富裕", words);
        Assert.Contains("资本", words);
        Assert.Contains("慈善事业", words);
    }

    [Fact]
    public void Segment_Empty_GivesNoWords()
    {
        Assert.Empty(ChineseWordSegmenter.Instance.Segment(""));
    }
}
