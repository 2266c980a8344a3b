using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Counting;

public class WordCounterTests
{
    public static TheoryData<string, int> EnglishTexts => new()
    {
        { "", 0 },
        { "Common prosperity, for all!", 4 },
        { "China's 14th Five-Year Plan", 5 },
        { "in-\nequality rose", 2 },
    };

    [Theory]
    [MemberData(nameof(EnglishTexts))]
    public void Count_English_IsOneWordPerToken(string text, int words)
    {
        Assert.Equal(words, Count(text, WordCounter.Jieba));
        Assert.Equal(CountingTokenizer.Instance.Tokenize(text).Count, words);
    }

    [Fact]
    public void Count_ChineseRun_IsTheSegmentersWords()
    {
        const string Text = "扎实推动共同富裕";

        var words = Count(Text, WordCounter.Jieba);

        Assert.Equal(ChineseWordSegmenter.Instance.Segment(Text).Count, words);
        Assert.True(words < Text.Length, $"{words} words for {Text.Length} characters");
    }

    [Fact]
    public void Count_MixedText_SegmentsEachChineseRunApart()
    {
        var runs = new List<string>();
        var counter = RunByRun(run => { runs.Add(run); return 2; });

        // Runs end at punctuation, spaces and non-Chinese tokens; one character alone is one word without the segmenter.
        var words = counter.Count("共同富裕，2021年 推动 慈善事业 and 人", Tokenize("共同富裕，2021年 推动 慈善事业 and 人"));

        Assert.Equal(["共同富裕", "推动", "慈善事业"], runs);
        Assert.Equal(2 + 1 + 1 + 2 + 2 + 1 + 1, words); // 共同富裕, 2021, 年, 推动, 慈善事业, and, 人
    }

    [Fact]
    public void Count_JiebaWithManyRuns_EqualsCountingRunByRun()
    {
        // Jieba counts a text's runs together (hashed first, then looked up); more runs than its first scratch holds.
        var random = new Random(11);
        string[] pieces = ["共同富裕", "扎实推动", "第三次分配", "2021年", "慈善事业", "and", "社会保障体系", "㐀㐁", "𠀀𠀁", "豈更", "人"];
        string[] between = ["，", "。", " ", "", "、", "；"];
        var text = string.Concat(Enumerable.Range(0, 2000).Select(_ => pieces[random.Next(pieces.Length)] + between[random.Next(between.Length)]));
        var oneByOne = RunByRun(run => ChineseWordCounter.Instance.Count(run));

        Assert.Equal(Count(text, oneByOne), Count(text, WordCounter.Jieba));
        Assert.Equal(Count(text, oneByOne), Count(text, WordCounter.Jieba)); // the second time from remembered counts
    }

    [Theory]
    [InlineData("GDP：growth（2021）ｆｕｌｌ width", new string[0])]
    [InlineData("ext B 𠀀𠀁 then", new[] { "𠀀𠀁" })]
    [InlineData("compatibility 豈更 forms", new[] { "豈更" })]
    [InlineData("ext A 㐀㐁 and 一丁", new[] { "㐀㐁", "一丁" })]
    public void Count_TextWithOrWithoutChineseCharacters_AsksTheSegmenterForEachRunOnly(string text, string[] expectedRuns)
    {
        // Arrange: full-width forms and punctuation are not Chinese characters; the edges of the Han ranges are.
        var runs = new List<string>();
        var counter = RunByRun(run => { runs.Add(run); return 5; });
        var tokens = Tokenize(text);

        // Act
        var words = counter.Count(text, tokens);

        // Assert
        Assert.Equal(expectedRuns, runs);
        Assert.Equal(tokens.Count + (expectedRuns.Length * 3), words); // each run: two tokens, five words
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Count_TextsWithCharactersNearTheHanRanges_FindsTheRunsTokenByTokenWould(int seed)
    {
        // Characters from U+3400 to U+FAFF that are not Chinese (Korean and Yi words, hexagram symbols, private use,
        // surrogates of emoji and other scripts), Chinese characters in and beyond the BMP, compatibility forms,
        // Kangxi radicals (folded to Chinese characters but not Chinese as written), zero-width characters between
        // Chinese characters, line-end hyphens: the runs and the words as the plain token-by-token walk finds them.
        string[] pieces =
        [
            "共同富裕", "人", "推动", "한국어", "사회", "ꀀꀁ", "䷀䷁", "\uE000\uE001", "😀", "𝐀bc", "𠀀𠀁", "㐀", "豈更", "⼀⼆", "中\u200B国",
            "policy", "2021年", "in-\nequality", "Ａｂｃ", "·", "，", "",
        ];
        string[] between = [" ", "", "，", "\n", "-"];
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 3000).Select(_ => pieces[random.Next(pieces.Length)] + between[random.Next(between.Length)]));
        var tokens = Tokenize(text);
        var runs = new List<string>();
        var counter = RunByRun(run => { runs.Add(run); return 3; });

        var words = counter.Count(text, tokens);

        var (expectedWords, expectedRuns) = TokenByToken(text, tokens);
        Assert.Equal(expectedRuns, runs);
        Assert.Equal(expectedWords + (3 * expectedRuns.Count), words);
    }

    /// <summary>The words (runs of two or more Chinese characters left out) and the runs, walking every token in turn.</summary>
    private static (int Words, List<string> Runs) TokenByToken(string text, TokenBuffer tokens)
    {
        var words = 0;
        var runs = new List<string>();
        for (var i = 0; i < tokens.Count;)
        {
            var end = HanRunEndTokenByToken(text, tokens, i);
            Assert.Equal(end, WordCounter.HanRunEnd(text, tokens, i));
            if (end < 0 || end - i == 1)
            {
                words++;
                i = Math.Max(end, i + 1);
                continue;
            }

            runs.Add(text[tokens.Start(i)..tokens.End(end - 1)]);
            i = end;
        }

        return (words, runs);
    }

    [Theory]
    [InlineData(1, "共同富裕，2021年 推动慈善事业and人𠀀𠀁龘靐齉扎实推动豈更共同㐀富裕。")]
    [InlineData(2, "扎实推动共同富裕构建初次分配再分配第三次分配协调配套的制度体系龘靐齉爩鱻麤的的的的")]
    [InlineData(3, "charity 共同富裕 income gap 缩小收入差距龘靐 2024")]
    public void Count_TextCutAtEveryTokenBoundary_AddsUpToTheWholeTextsWords(int seed, string part)
    {
        // Windows cut at any token boundary, inside runs of Chinese characters too: each run is counted once, whole.
        var text = string.Concat(Enumerable.Repeat(part, 6));
        var whole = Count(text, WordCounter.Jieba);
        var tokens = Tokenize(text);
        for (var t = 0; t + 1 < tokens.Count; t++)
        {
            Assert.Equal(whole, CountInWindows(text, tokens, [tokens.Start(t + 1)]));
            Assert.Equal(whole, CountInWindows(text, tokens, [tokens.Start(t + 1)], inMemory: 3)); // the run's start in a temporary file
        }

        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var cuts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => tokens.Start(random.Next(1, tokens.Count))).Distinct().Order().ToArray();
            Assert.Equal(whole, CountInWindows(text, tokens, cuts, inMemory: round % 2 == 0 ? 5 : ChineseRunCarry.DefaultInMemoryCharacters));
        }
    }

    [Fact]
    public void Count_SharedChineseTextsAsOneRunInWindows_AddsUpToTheWholeRunsWords()
    {
        // Real text: each of the shared corpus's Chinese texts with everything but its Chinese characters taken out, cut anywhere.
        var random = new Random(17);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(Support.TestPaths.Shared, "corpus"), "*_zh.txt").Order(StringComparer.Ordinal))
        {
            var text = new string([.. File.ReadAllText(path).Where(c => c is >= '\u4E00' and <= '\u9FFF')]);
            var tokens = Tokenize(text);
            var whole = Count(text, WordCounter.Jieba);
            Assert.True(whole > 100 && whole < text.Length, path);
            var cuts = Enumerable.Range(0, 40).Select(_ => tokens.Start(random.Next(1, tokens.Count))).Distinct().Order().ToArray();

            Assert.Equal(whole, CountInWindows(text, tokens, cuts));
            Assert.Equal(whole, CountInWindows(text, tokens, cuts, inMemory: 1000));
        }
    }

    [Fact]
    public void Count_WindowThatShouldEndInsideARunButDoesNot_IsRefused()
    {
        using var carry = new ChineseRunCarry("test.txt");

        Assert.Throws<InvalidOperationException>(() => WordCounter.Jieba.Count("共同 ", Tokenize("共同 "), carry, endsInsideRun: true));
        carry.Append("共同");
        Assert.Throws<InvalidOperationException>(() => WordCounter.Jieba.Count("and 富裕", Tokenize("and 富裕"), carry, endsInsideRun: false));
    }

    /// <summary>The words of <paramref name="text"/> counted window by window, cut at <paramref name="cuts"/> (token starts, ascending), a run cut across carried.</summary>
    private static int CountInWindows(string text, TokenBuffer tokens, int[] cuts, int inMemory = ChineseRunCarry.DefaultInMemoryCharacters)
    {
        using var carry = new ChineseRunCarry("test.txt", inMemory);
        var words = 0;
        var start = 0;
        foreach (var cut in cuts.Append(text.Length))
        {
            var window = text[start..cut];
            var insideRun = cut < text.Length && RunGoesOnAt(text, tokens, cut);
            words += WordCounter.Jieba.Count(window, Tokenize(window), carry, insideRun);
            start = cut;
        }

        Assert.False(carry.IsOpen);
        return words;
    }

    /// <summary>True when the tokens either side of offset <paramref name="cut"/> (a token start) are one run of Chinese characters.</summary>
    private static bool RunGoesOnAt(string text, TokenBuffer tokens, int cut)
    {
        for (var t = 1; t < tokens.Count; t++)
        {
            if (tokens.Start(t) == cut)
            {
                return WordCounter.InOneRun(text, tokens, t - 1);
            }
        }

        throw new ArgumentException($"{cut} is not a token start.", nameof(cut));
    }

    /// <summary>A counter that asks <paramref name="countRun"/> of each run of a text in turn.</summary>
    private static WordCounter RunByRun(Func<string, int> countRun) => new((text, runs) =>
    {
        var words = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            words += countRun(text.Slice(runs.Starts[r], runs.Lengths[r]).ToString());
        }

        return words;
    });

    private static int Count(string text, WordCounter counter) => counter.Count(text, Tokenize(text));

    /// <summary><see cref="WordCounter.HanRunEnd"/> token by token, with no shortcut: the reference for its vector search.</summary>
    private static int HanRunEndTokenByToken(string text, TokenBuffer tokens, int i)
    {
        if (!IsHan(tokens.Start(i)))
        {
            return -1;
        }

        var end = i + 1;
        while (end < tokens.Count && tokens.Start(end) == tokens.End(end - 1) && IsHan(tokens.Start(end)))
        {
            end++;
        }

        return end;

        bool IsHan(int start) => CharClass.IsHan(CharClass.CodePointAt(text, start, out _));
    }

    private static TokenBuffer Tokenize(string text)
    {
        var tokens = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text, tokens);
        return tokens;
    }
}
