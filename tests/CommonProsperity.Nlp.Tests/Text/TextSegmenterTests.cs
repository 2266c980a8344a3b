using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

public sealed class TextSegmenterTests
{
    private static string[] Sentences(string text) =>
        TextSegmenter.Instance.Segment(text).Sentences.Select(s => text[s.Start..s.End]).ToArray();

    private static string[] Paragraphs(string text) =>
        TextSegmenter.Instance.Segment(text).Paragraphs.Select(p => text[p.Start..p.End]).ToArray();

    // English sentence ends, and the abbreviations that are not sentence ends.
    public static TheoryData<string, string[]> EnglishSentences => new()
    {
        { "He left. She stayed.", ["He left.", "She stayed."] },
        { "Wait! Really? Yes.", ["Wait!", "Really?", "Yes."] },
        { "Really?! Yes.", ["Really?!", "Yes."] },
        { "The plan ends in 2035. 2036 follows.", ["The plan ends in 2035.", "2036 follows."] },
        { "He said \"Stop.\" Then he left.", ["He said \"Stop.\"", "Then he left."] },
        { "He left. (Then she did.)", ["He left.", "(Then she did.)"] },
        { "It grew 5.5 percent. Then it fell.", ["It grew 5.5 percent.", "Then it fell."] },
        { "Trade with the U.S. Government grew.", ["Trade with the U.S. Government grew."] },
        { "The U.S. and China met.", ["The U.S. and China met."] },
        { "See No. 5 for details.", ["See No. 5 for details."] },
        { "Dr. Smith arrived. He spoke.", ["Dr. Smith arrived.", "He spoke."] },
        { "Use examples, e.g. this one. Then stop.", ["Use examples, e.g. this one.", "Then stop."] },
        { "Some, e.g. This, stay.", ["Some, e.g. This, stay."] },
        { "Written by Guoguang W. Wu in 2021.", ["Written by Guoguang W. Wu in 2021."] },
        { "Mr. Xi spoke. Prof. Li replied.", ["Mr. Xi spoke.", "Prof. Li replied."] },
        { "He left.She stayed.", ["He left.She stayed."] },
        { "It ended. and went on.", ["It ended. and went on."] },
        { "No final period", ["No final period"] },
        { "   ", [] },
        { "", [] },
    };

    [Theory]
    [MemberData(nameof(EnglishSentences))]
    public void Segment_EnglishText_EndsSentencesOnlyWhereASentenceEnds(string text, string[] expected)
    {
        // Act
        var sentences = Sentences(text);

        // Assert
        Assert.Equal(expected, sentences);
    }

    // Chinese sentence ends, with closing quotes and brackets kept in the sentence.
    public static TheoryData<string, string[]> ChineseSentences => new()
    {
        { "我们要共同富裕。这是目标！真的吗？", ["我们要共同富裕。", "这是目标！", "真的吗？"] },
        { "他说：“要共同富裕。”然后走了。", ["他说：“要共同富裕。”", "然后走了。"] },
        { "「好。」走了。", ["「好。」", "走了。"] },
        { "（见附件。）下一句。", ["（见附件。）", "下一句。"] },
        { "《纲要》提出，到2035年基本实现。GDP增长。", ["《纲要》提出，到2035年基本实现。", "GDP增长。"] },
        { "第一句。 第二句。", ["第一句。", "第二句。"] },
        { "没有句号", ["没有句号"] },
    };

    [Theory]
    [MemberData(nameof(ChineseSentences))]
    public void Segment_ChineseText_EndsSentencesAfterFullStopsAndClosingQuotes(string text, string[] expected)
    {
        // Act
        var sentences = Sentences(text);

        // Assert
        Assert.Equal(expected, sentences);
    }

    public static TheoryData<string, string[]> ParagraphCases => new()
    {
        // hard-wrapped English lines stay one paragraph
        { "This line is\nwrapped here. It goes on\nand ends.", ["This line is\nwrapped here. It goes on\nand ends."] },
        { "costs rose by\n15 percent in\n2021.", ["costs rose by\n15 percent in\n2021."] },
        { "a line\n-not a bullet", ["a line\n-not a bullet"] },
        // a blank line (spaces and tabs count as blank) splits
        { "First para.\n\nSecond para.", ["First para.", "Second para."] },
        { "First.\n   \t\nSecond.", ["First.", "Second."] },
        { "First para.\r\n\r\nSecond para.\r\n", ["First para.", "Second para."] },
        { "\n\n  First.\n\n\n\nSecond.  \n\n", ["First.", "Second."] },
        // bullet lines start new paragraphs
        {
            "Goals:\n- reduce gaps\n• raise incomes\n1. more\n(2) less\n12) other\n* star\n+ plus\n— dash",
            ["Goals:", "- reduce gaps", "• raise incomes", "1. more", "(2) less", "12) other", "* star", "+ plus", "— dash"]
        },
        { "Goals:\n  - indented bullet\n  wrapped on", ["Goals:", "- indented bullet\n  wrapped on"] },
        // a line break next to Chinese text ends the paragraph
        { "第一段\n第二段", ["第一段", "第二段"] },
        { "共同富裕\nis the goal", ["共同富裕", "is the goal"] },
        { "The goal is\n共同富裕", ["The goal is", "共同富裕"] },
        { "目标。\nNext line", ["目标。", "Next line"] },
        { "目标：\r\n扎实推进", ["目标：", "扎实推进"] },
        // two ideographic spaces open a paragraph, also inside a line (reports published as one line)
        { "\u3000\u3000第一段。\u3000\u3000第二段，\u3000\u3000第三段", ["第一段。", "第二段，", "第三段"] },
        { "标题\u3000\u3000\u3000正文。", ["标题", "正文。"] },
        { "Title\u3000\u3000Body text.", ["Title", "Body text."] },
        // one ideographic space is a space, not a paragraph mark
        { "第一句。\u3000第二句。", ["第一句。\u3000第二句。"] },
    };

    [Theory]
    [MemberData(nameof(ParagraphCases))]
    public void Segment_LineBreaks_SplitParagraphsByTheRules(string text, string[] expected)
    {
        // Act
        var paragraphs = Paragraphs(text);

        // Assert
        Assert.Equal(expected, paragraphs);
    }

    [Fact]
    public void Segment_ParagraphEnd_EndsTheSentenceEvenWithoutPunctuation()
    {
        // Arrange
        const string text = "A heading\n\nBody text. More text\n共同富裕";

        // Act
        var sentences = Sentences(text);

        // Assert
        Assert.Equal(["A heading", "Body text.", "More text", "共同富裕"], sentences);
    }

    [Fact]
    public void Segment_WrappedEnglishSentence_IsOneSentenceAcrossTheLineBreak()
    {
        // Arrange
        const string text = "The policy aims to\nnarrow the gap. It was\nannounced in 2021.";

        // Act
        var sentences = Sentences(text);

        // Assert
        Assert.Equal(["The policy aims to\nnarrow the gap.", "It was\nannounced in 2021."], sentences);
    }

    [Fact]
    public void Segment_TwoParagraphs_GiveSegmentsWithIndicesOffsetsAndParagraphs()
    {
        // Arrange
        const string text = "  He left. She stayed.\n\n第一句。第二句。 ";

        // Act
        var segmented = TextSegmenter.Instance.Segment(text);

        // Assert
        Assert.Equal(
            [new TextSegment(0, 2, 22, 0), new TextSegment(1, 24, 32, 1)],
            segmented.Paragraphs);
        Assert.Equal(
            [
                new TextSegment(0, 2, 10, 0),
                new TextSegment(1, 11, 22, 0),
                new TextSegment(2, 24, 28, 1),
                new TextSegment(3, 28, 32, 1),
            ],
            segmented.Sentences);
        Assert.Equal(8, segmented.Sentences[0].Length);
    }

    [Fact]
    public void Segment_LineBreakNextToSurrogatePairHan_EndsTheParagraph()
    {
        // Arrange: U+20000 is a Han ideograph outside the BMP (a surrogate pair).
        const string text = "abc \U00020000\n\U00020000 def";

        // Act
        var paragraphs = Paragraphs(text);

        // Assert
        Assert.Equal(["abc \U00020000", "\U00020000 def"], paragraphs);
    }

    [Fact]
    public void Segment_LetteredListItem_StartsANewParagraph()
    {
        // Arrange
        const string text = "The plan has two parts:\n(a) raise incomes\n(b) reduce gaps";

        // Act
        var paragraphs = Paragraphs(text);

        // Assert
        Assert.Equal(["The plan has two parts:", "(a) raise incomes", "(b) reduce gaps"], paragraphs);
    }

    [Fact]
    public void Segment_CarriageReturnNextToChinese_EndsTheParagraph()
    {
        // Arrange
        const string text = "第一段\r第二段";

        // Act
        var paragraphs = Paragraphs(text);

        // Assert
        Assert.Equal(["第一段", "第二段"], paragraphs);
    }

    [Fact]
    public void Segment_BlankLineOfCarriageReturns_SplitsParagraphs()
    {
        // Arrange
        const string text = "First para.\r\rSecond para.";

        // Act
        var paragraphs = Paragraphs(text);

        // Assert
        Assert.Equal(["First para.", "Second para."], paragraphs);
    }

    [Fact]
    public void Segment_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TextSegmenter.Instance.Segment(null!));
    }

    public static TheoryData<string> FixtureTexts() => new()
    {
        File.ReadAllText(Path.Combine(Support.TestPaths.MiniCorpus, "report_en.txt")),
        File.ReadAllText(Path.Combine(Support.TestPaths.MiniCorpus, "law_zh.txt")),
        string.Concat(Enumerable.Repeat("Trade with the U.S. Government grew 5.5 percent. “第三次分配”。　　发展慈善事业？\n- item one\n\nHe left.She stayed. abolished.¹⁶⁶ Xi spoke! ", 5)),
    };

    [Theory]
    [MemberData(nameof(FixtureTexts))]
    public void Segment_SpanIntoLists_SameAsSegmentingTheString(string text)
    {
        // Arrange: lists that held an earlier text are cleared first.
        List<TextSegment> paragraphs = [new(0, 0, 1, 0)], sentences = [new(0, 0, 1, 0)];

        // Act
        TextSegmenter.Instance.Segment(text.AsSpan(), paragraphs, sentences);

        // Assert
        var whole = TextSegmenter.Instance.Segment(text);
        Assert.Equal(whole.Paragraphs, paragraphs);
        Assert.Equal(whole.Sentences, sentences);
    }

    /// <summary>
    /// What a large document's windows rely on to segment each window once: the text up to any sentence
    /// start segments into the sentences before it, as the longer text gave them (the last paragraph
    /// ending with them).
    /// </summary>
    [Theory]
    [MemberData(nameof(FixtureTexts))]
    public void Segment_TextCutAtASentenceStart_GivesTheSentencesBeforeTheCut(string text)
    {
        var whole = TextSegmenter.Instance.Segment(text);
        for (var k = 1; k < whole.Sentences.Count; k++)
        {
            var cut = whole.Sentences[k].Start;
            var before = TextSegmenter.Instance.Segment(text[..cut]);

            Assert.Equal(whole.Sentences.Take(k), before.Sentences);
            var last = whole.Sentences[k - 1];
            Assert.Equal(whole.Paragraphs.Take(last.Paragraph).Append(whole.Paragraphs[last.Paragraph] with { End = last.End }), before.Paragraphs);
        }
    }
}
