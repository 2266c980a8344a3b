using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Counting;

/// <summary>
/// Differential tests: <see cref="ChineseWordCounter"/> must count exactly the words jieba.NET cuts a run into
/// (<see cref="ChineseWordSegmenter.Segment"/>), since word counts computed either way must not differ.
/// </summary>
public class ChineseWordCounterTests
{
    public static TheoryData<string> EdgeRuns => new()
    {
        "共同富裕",
        "扎实推动共同富裕",
        "构建初次分配再分配第三次分配协调配套的制度体系",
        "鼓励高收入人群和企业更多回报社会",
        "的的的的的的的的",
        "囧囧𠀀𠀀丄丅",           // characters jieba has no word for; a surrogate pair is two words for jieba
        "共同㐀富裕",             // CJK extension A inside a run: cut around it character by character
        "龥龦鿕鿖鿿共同",          // the edges of jieba's range [\u4E00-\u9FD5]
        "豈更車共同富裕",          // compatibility ideographs
        "深化收入分配制度改革𪚥𪚥完善再分配调节机制",
    };

    [Theory]
    [MemberData(nameof(EdgeRuns))]
    public void Count_EdgeRuns_EqualsJiebaNet(string run)
    {
        Assert.Equal(ChineseWordSegmenter.Instance.Segment(run).Count, ChineseWordCounter.Instance.Count(run));
    }

    [Fact]
    public void Count_EveryChineseRunOfTheSharedCorpus_EqualsJiebaNet()
    {
        var runs = HanRuns(Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "corpus"), "*.txt").Select(File.ReadAllText)).ToList();
        Assert.True(runs.Count > 1000, $"only {runs.Count} runs");

        var differences = runs.Where(r => ChineseWordSegmenter.Instance.Segment(r).Count != ChineseWordCounter.Instance.Count(r)).Take(5).ToList();

        Assert.Empty(differences);
    }

    [Fact]
    public void Count_GeneratedRuns_EqualsJiebaNet()
    {
        // Random runs over frequent and rare characters, so that unknown stretches go through jieba's HMM.
        var random = new Random(42);
        var common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府";
        var rare = "龘靐齉爩鱻麤厵灪籱虋鸙龗齾";
        var runs = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var builder = new StringBuilder();
            var length = random.Next(2, 40);
            for (var j = 0; j < length; j++)
            {
                builder.Append(random.Next(10) == 0 ? rare[random.Next(rare.Length)] : common[random.Next(common.Length)]);
            }

            runs.Add(builder.ToString());
        }

        var differences = runs.Where(r => ChineseWordSegmenter.Instance.Segment(r).Count != ChineseWordCounter.Instance.Count(r)).Take(5).ToList();

        Assert.Empty(differences);
    }

    [Fact]
    public void Count_TheSharedCorpusAsOneLongRun_EqualsJiebaNet()
    {
        // Every Chinese character of the shared corpus's Chinese texts in one run, punctuation taken out: the
        // route is computed from the end over the whole run (its log probabilities grow to about -3 million),
        // as a document that is one run of Chinese characters is counted.
        var run = string.Concat(Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "corpus"), "*_zh.txt").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).SelectMany(HanRunsOf));
        Assert.True(run.Length > 100_000, $"only {run.Length} characters");

        Assert.Equal(ChineseWordSegmenter.Instance.Segment(run).Count, ChineseWordCounter.Instance.Count(run));
    }

    [Theory]
    [InlineData(7, 70_000, "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日")]
    [InlineData(8, 70_000, "龘靐齉爩鱻麤厵灪籱虋鸙龗齾")] // no word at all: one stretch of single characters through the HMM
    [InlineData(9, 70_000, "的的一一")] // few characters, many equally good routes (ties)
    [InlineData(10, 70_000, "共同富裕扎实推动龘靐")]
    public void Count_LongGeneratedRuns_EqualsJiebaNet(int seed, int length, string alphabet)
    {
        // Longer than the counter's kept scratch (its arrays for a block this long are its own), so that both layouts are compared with jieba.
        var random = new Random(seed);
        var run = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

        Assert.Equal(ChineseWordSegmenter.Instance.Segment(run).Count, ChineseWordCounter.Instance.Count(run));
    }

    [Fact]
    public void Count_AWordLongerThan255Characters_IsOneWord()
    {
        // The route keeps a word's length in a byte; a longer word is kept aside. jieba's AddWord gives a word of
        // 300 characters frequency 1 (the product of its parts' probabilities is below 1 / total): its log, -log(total),
        // beats any cut into dictionary words (each at most -log(total / frequency) below 0, some 100 of them).
        var random = new Random(5);
        const string Alphabet = "共同富裕扎实推动社会保障体系";
        var word = new string(Enumerable.Range(0, 300).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());
        var counter = ChineseWordCounter.Load(JiebaResources.Find(), [word]);

        Assert.Equal(1, counter.Count(word));
        Assert.Equal(2, counter.Count(word + word));
        Assert.Equal(ChineseWordCounter.Instance.Count("扎实推动") + 1, counter.Count("扎实推动" + word));
    }

    [Fact]
    public void Count_NotAChineseCharacter_IsRefusedWithTheCharacter()
    {
        var error = Assert.Throws<ArgumentException>(() => ChineseWordCounter.Instance.Count("共同a富裕"));

        Assert.Contains("U+0061", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The runs of one text (<see cref="HanRuns"/>).</summary>
    private static IEnumerable<string> HanRunsOf(string text) => HanRuns([text]);

    /// <summary>The runs of two or more adjacent Chinese characters, as <see cref="WordCounter"/> hands them over.</summary>
    private static IEnumerable<string> HanRuns(IEnumerable<string> texts)
    {
        var tokens = new TokenBuffer();
        foreach (var text in texts)
        {
            CountingTokenizer.Instance.Tokenize(text, tokens);
            var i = 0;
            while (i < tokens.Count)
            {
                var end = WordCounter.HanRunEnd(text, tokens, i);
                if (end < 0)
                {
                    i++;
                    continue;
                }

                if (end - i >= 2)
                {
                    yield return text[tokens.Start(i)..tokens.End(end - 1)];
                }

                i = end;
            }
        }
    }
}
