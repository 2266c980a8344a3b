using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class WordExtractorTests
{
    private static List<string> Content(string text) =>
        WordExtractor.Default.Extract(text).Where(w => w.IsContent).Select(w => w.Text).ToList();

    [Fact]
    public void Extract_English_LowerCasesAndDropsStopWordsNumbersAndPossessives()
    {
        var words = Content("The Party's control of the 15th Five-Year Plan in 2023 and China’s economy.");

        Assert.Equal(["party", "control", "five", "year", "plan", "china", "economy"], words);
    }

    [Fact]
    public void Extract_WebAddresses_ArePassedOver()
    {
        var words = Content("Xinhua, https://www.news.cn/politics/2022-10/16/c_1129067252.htm, accessed on www.gov.cn today.");

        Assert.Equal(["xinhua", "today"], words);
    }

    [Fact]
    public void Extract_Chinese_SegmentsIntoWordsAndKeepsLexiconTermsWhole()
    {
        var words = Content("支持浙江高质量发展建设共同富裕示范区，构建初次分配、再分配、第三次分配协调配套的制度体系。");

        Assert.Contains("共同富裕", words);
        Assert.Contains("高质量发展", words);
        Assert.Contains("初次分配", words);
        Assert.DoesNotContain("的", words);
    }

    [Fact]
    public void Extract_ChineseNumerals_AreNotContent()
    {
        var words = WordExtractor.Default.Extract("第十四条 二零二三年 慈善");

        Assert.False(words.Single(w => w.Text == "第十四条").IsContent);
        Assert.All(words.Where(w => w.Text != "慈善"), w => Assert.False(w.IsContent));
        Assert.Contains(words, w => w.Text == "慈善" && w.IsContent);
    }

    [Fact]
    public void Extract_Offsets_PointAtTheWordsInTheText()
    {
        const string Text = "Charity 慈善组织 law";

        foreach (var word in WordExtractor.Default.Extract(Text))
        {
            Assert.Equal(word.Text, Text[word.Start..word.End].ToLowerInvariant());
        }
    }

    [Fact]
    public void Extract_WithoutPossessiveStripping_KeepsTheCountingRuleToken()
    {
        var words = new WordExtractor(StopWords.Default, stripPossessive: false).Extract("the Party's line");

        Assert.Contains(words, w => w.Text == "party's");
    }
}
