using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Discovery;

[Collection(NativeOutputCollection.Name)]
public class TopicModelerTests
{
    private static readonly string[][] Vocabularies =
    [
        ["charity", "donation", "foundation", "volunteer", "donors", "nonprofit"],
        ["tariff", "export", "sanctions", "alliance", "diplomacy", "overseas"],
        ["pollution", "carbon", "ecology", "forest", "emissions", "wetland"],
    ];

    /// <summary>30 documents, each drawn from one of three disjoint vocabularies (a fixed pseudo-random draw).</summary>
    private static List<Document> Corpus()
    {
        var random = new Random(7);
        return Enumerable.Range(0, 30)
            .Select(i => TestDocuments.Make($"d{i:00}.txt", string.Join(' ', Enumerable.Range(0, 40).Select(_ => Vocabularies[i % 3][random.Next(6)])) + ".", language: "en"))
            .ToList();
    }

    private static TopicModeler Modeler() =>
        new(WordExtractor.Default, new TermThemes(new LexiconMatcher(DefaultLexicon.Instance), StopWords.Default));

    private static readonly TopicOptions Options = new(Topics: 3, TermsPerTopic: 6, PassageWords: 0, MinWordCount: 2, MaxPassageShare: 1, Iterations: 100);

    [Fact]
    public void Fit_SameSeedTwice_GivesIdenticalTopicsAndShares()
    {
        var first = Modeler().Fit(Corpus(), Options);
        var second = Modeler().Fit(Corpus(), Options);

        Assert.Equal(Describe(first), Describe(second));
        Assert.Equal(first.Documents.SelectMany(d => d.Shares), second.Documents.SelectMany(d => d.Shares));
    }

    [Fact]
    public void Fit_SeparableCorpus_FindsOneTopicPerVocabularyAndLabelsThem()
    {
        var model = Modeler().Fit(Corpus(), Options);

        Assert.Equal(3, model.Topics.Count);
        foreach (var topic in model.Topics)
        {
            // All the top words of a topic come from a single vocabulary.
            Assert.Single(Vocabularies, v => topic.Terms.All(t => v.Contains(t.Term)));
        }

        Assert.Equal(["environment", "international", "philanthropy"], model.Topics.Select(t => t.Theme).Order(StringComparer.Ordinal));
        Assert.All(model.Documents, d => Assert.Equal(1.0, d.Shares.Sum(), 1e-6));
        Assert.All(model.Documents, d => Assert.True(d.Shares.Max() > 0.8, $"{d.Id} is not dominated by one topic"));
        Assert.Equal(1.0, model.Topics.Sum(t => t.Share), 1e-6);
    }

    [Fact]
    public void Fit_TermsWithinATopic_AreRankedByWeight()
    {
        var model = Modeler().Fit(Corpus(), Options);

        foreach (var topic in model.Topics)
        {
            Assert.Equal(Enumerable.Range(1, topic.Terms.Count), topic.Terms.Select(t => t.Rank));
            Assert.True(topic.Terms.Zip(topic.Terms.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
        }
    }

    [Fact]
    public void Fit_TooLittleText_ThrowsNamingTheFix()
    {
        List<Document> tiny = [TestDocuments.Make("a.txt", "charity donation charity")];

        var error = Assert.Throws<CommonProsperityException>(() => Modeler().Fit(tiny, Options));

        Assert.Contains("too little text for 3 topics", error.Message, StringComparison.Ordinal);
        Assert.Contains("ask for fewer topics (the number of topics)", error.Message, StringComparison.Ordinal);
    }

    private static readonly string[] ChineseSentences =
    [
        "鼓励企业捐赠慈善事业，支持志愿服务和公益基金会发展。",
        "扩大对外开放，稳定出口贸易，深化国际合作和多边外交。",
        "治理大气污染，保护湿地森林生态，减少碳排放总量。",
    ];

    /// <summary>
    /// A report on one line, as 21 of 54 government work reports online are: twelve paragraphs, each
    /// opened by two ideographic spaces and holding three sentences of one of three subjects.
    /// </summary>
    internal static string SingleLineReport(int seed) =>
        "政府工作报告" + string.Concat(Enumerable.Range(0, 12).Select(p =>
            "\u3000\u3000" + string.Concat(Enumerable.Repeat(ChineseSentences[(p + seed) % 3], 3))));

    [Fact]
    public void Fit_SingleLineReportsWithParagraphMarks_CutsAPassagePerParagraph()
    {
        // Arrange: four single-line reports; passages of at least 10 content words (each paragraph has more).
        var documents = Enumerable.Range(0, 4).Select(i => TestDocuments.Make($"report{i}.txt", SingleLineReport(i), language: "zh")).ToList();
        var options = Options with { PassageWords = 10 };

        // Act
        var model = Modeler().Fit(documents, options);

        // Assert: 12 passages per report (the title joins the first paragraph's passage), not one per report.
        Assert.Equal(48, model.Passages);
        Assert.All(model.Documents, d => Assert.Equal(12, d.Passages));
    }

    private static List<string> Describe(TopicModel model) =>
        model.Topics.SelectMany(t => t.Terms.Select(term => $"{t.Number}|{term.Term}|{term.Weight:R}|{t.Theme}")).ToList();
}
