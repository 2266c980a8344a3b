using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Discovery;

public class PhraseFinderTests
{
    // Runs (split at punctuation): [common prosperity matters] [common prosperity and rule of law] / [the rule of law] [common prosperity].
    // Adjacent pairs: 2 + 5 + 3 + 1 = 11; units 9 + 6 = 15.
    private static readonly DocumentGroup[] Toy =
    [
        new("all", [
            TestDocuments.Make("d1", "Common prosperity matters. Common prosperity and rule of law."),
            TestDocuments.Make("d2", "The rule of law, common prosperity."),
        ]),
    ];

    [Fact]
    public void Ngrams_ToyCorpus_CountsOnlyPhrasesThatBeginAndEndWithContentWords()
    {
        var ngrams = PhraseFinder.Default.Ngrams(Toy, new PhraseOptions(MinSize: 2, MaxSize: 3, MinCount: 2));

        Assert.Equal(
            [("common prosperity", 2, 1, 3L, 2), ("rule of law", 3, 1, 2L, 2)],
            ngrams.Select(n => (n.Term, n.Size, n.Rank, n.Count, n.Documents)));
        Assert.All(ngrams, n => Assert.Equal(15L, n.Units));
        Assert.Equal(200.0, ngrams[0].Per1000, 1e-12);
    }

    [Fact]
    public void Ngrams_KeepStopWords_ListsFunctionWordPhrasesToo()
    {
        var ngrams = PhraseFinder.Default.Ngrams(Toy, new PhraseOptions(MinSize: 2, MaxSize: 2, MinCount: 2, KeepStopWords: true));

        Assert.Equal(["common prosperity", "of law", "rule of"], ngrams.Select(n => n.Term));
    }

    [Fact]
    public void Ngrams_NeverCrossPunctuation()
    {
        var ngrams = PhraseFinder.Default.Ngrams(Toy, new PhraseOptions(MinSize: 2, MaxSize: 2, MinCount: 1));

        Assert.DoesNotContain(ngrams, n => n.Term is "matters common" or "law common" or "law the");
    }

    [Fact]
    public void Collocations_ToyCorpus_MatchHandComputedG2AndPmi()
    {
        var pairs = PhraseFinder.Default.Collocations(Toy, new PhraseOptions(MinCount: 1));

        // Python (scripts/verify_collocations.py does the same from the text): O11 = 3, R1 = 3, C1 = 3, N = 11:
        // E11 = 9/11 = 0.818181818, G2 = 12.8909576027, p = 0.000330173454, PMI = log2(33/9) = 1.87446911792.
        var top = pairs[0];
        Assert.Equal(("common prosperity", "common", "prosperity", 1, 2), (top.Term, top.First, top.Second, top.Rank, top.Documents));
        Assert.Equal((3L, 3L, 3L, 11L), (top.Score.Count, top.Score.FirstCount, top.Score.SecondCount, top.Score.Pairs));
        Assert.Equal(9.0 / 11, top.Score.Expected, 1e-12);
        Assert.Equal(12.8909576027, top.Score.G2, 1e-9);
        Assert.Equal(0.000330173454, top.Score.G2P, 1e-12);
        Assert.Equal(1.87446911792, top.Score.Pmi, 1e-10);

        // prosperity matters: O11 = 1, R1 = 2 (prosperity matters, prosperity and), C1 = 1: G2 = 3.92940541944, PMI = log2(11/2).
        var matters = pairs.Single(p => p.Term == "prosperity matters");
        Assert.Equal(3.92940541944, matters.Score.G2, 1e-9);
        Assert.Equal(2.45943161864, matters.Score.Pmi, 1e-10);
        Assert.DoesNotContain(pairs, p => p.Term is "rule of" or "of law" or "prosperity and");
    }

    [Fact]
    public void Collocations_RankedByPmi_PutExclusivePairsFirst()
    {
        var pairs = PhraseFinder.Default.Collocations(Toy, new PhraseOptions(MinCount: 1, Ranking: PhraseRanking.Pmi, KeepStopWords: true));

        // "the rule" (1, 1, 2 of 11): PMI log2(11/2) = 2.459 beats "common prosperity" (1.874).
        Assert.True(pairs[0].Score.Pmi >= pairs[1].Score.Pmi);
        Assert.Equal(Math.Log2(11.0 / 2), pairs.Single(p => p.Term == "the rule").Score.Pmi, 1e-12);
        Assert.Equal([.. pairs.Select(p => p.Score.Pmi).OrderDescending()], pairs.Select(p => p.Score.Pmi));
    }

    [Fact]
    public void Ngrams_ChineseCharacters_CountWithinRunsAndSkipStopCharacters()
    {
        DocumentGroup[] zh = [new("all", [TestDocuments.Make("z1", "共同富裕是社会主义的本质要求。推动共同富裕。")])];

        var ngrams = PhraseFinder.Default.Ngrams(zh, new PhraseOptions(MinSize: 2, MaxSize: 4, MinCount: 2, Unit: PhraseUnit.Characters));

        Assert.Equal(["共同", "同富", "富裕", "共同富", "同富裕", "共同富裕"], ngrams.Select(n => n.Term));
        Assert.All(ngrams, n => Assert.Equal((2L, "zh", 20L), (n.Count, n.Language, n.Units)));
        var all = PhraseFinder.Default.Ngrams(zh, new PhraseOptions(MinSize: 2, MaxSize: 2, MinCount: 1, Unit: PhraseUnit.Characters));
        Assert.DoesNotContain(all, n => n.Term is "的本" or "义的" or "求推" or "裕是");
        Assert.Contains(all, n => n.Term == "社会");
    }

    [Fact]
    public void Ngrams_ChineseWords_JoinWordsWithoutSpaces()
    {
        DocumentGroup[] zh = [new("all", [TestDocuments.Make("z1", "走共同富裕道路。走共同富裕道路，发展慈善事业。")])];

        var ngrams = PhraseFinder.Default.Ngrams(zh, new PhraseOptions(MinSize: 2, MaxSize: 2, MinCount: 2));

        Assert.Contains(ngrams, n => n.Term == "共同富裕道路" && n.Count == 2 && n.Size == 2 && n.Language == "zh");
    }

    [Fact]
    public void Phrases_ByGroup_AreCountedPerGroup()
    {
        DocumentGroup[] groups =
        [
            new("a", [TestDocuments.Make("a1", "Rule of law. Rule of law.")]),
            new("b", [TestDocuments.Make("b1", "Common prosperity. Rule of law.")]),
        ];

        var ngrams = PhraseFinder.Default.Ngrams(groups, new PhraseOptions(MinSize: 3, MaxSize: 3, MinCount: 1));

        Assert.Equal([("a", 2L), ("b", 1L)], ngrams.Select(n => (n.Group, n.Count)));
    }

    [Fact]
    public void Ngrams_LanguageFilter_KeepsOneLanguage()
    {
        DocumentGroup[] mixed = [new("all", [TestDocuments.Make("m1", "Common prosperity. 共同富裕。Common prosperity. 共同富裕。")])];

        var english = PhraseFinder.Default.Ngrams(mixed, new PhraseOptions(MinSize: 2, MaxSize: 2, MinCount: 2, Language: "en"));
        var chinese = PhraseFinder.Default.Ngrams(mixed, new PhraseOptions(MinSize: 2, MaxSize: 2, MinCount: 2, Unit: PhraseUnit.Characters, Language: "zh"));

        Assert.Equal(["en"], english.Select(n => n.Language).Distinct());
        Assert.Equal(["zh"], chinese.Select(n => n.Language).Distinct());
    }

    private static readonly PhraseOptions[] BadOptions =
    [
        new(MinSize: 0),
        new(MinSize: 3, MaxSize: 2),
        new(MaxSize: 9),
        new(MinCount: 0),
        new(Top: 0),
        new(Language: "fr"),
    ];

    public static TheoryData<int> BadOptionIndexes => [.. Enumerable.Range(0, BadOptions.Length)];

    [Theory]
    [MemberData(nameof(BadOptionIndexes))]
    public void Validate_BadValue_SaysWhatWouldWork(int index)
    {
        var error = Assert.Throws<OptionsException>(() => BadOptions[index].Validate());

        Assert.False(string.IsNullOrWhiteSpace(error.Fix));
    }
}
