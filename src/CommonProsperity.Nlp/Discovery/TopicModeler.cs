using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Finds topics with ML.NET's LDA (<see cref="LatentDirichletAllocationEstimator"/>). Documents are cut
/// into passages at paragraph ends, long paragraphs also at sentence ends (LDA needs many short documents, and a corpus of laws has few long
/// ones); each passage is a bag of content words (<see cref="WordExtractor"/>). Runs are repeatable: one
/// seed, one sampling thread and a reset random generator give the same topics every time. The topic
/// words are read from the freshly fitted transformer, the only place they can be read.
/// </summary>
internal sealed class TopicModeler
{
    private const double MinThemeShare = 0.1;
    private const int LabelWords = 20;
    private readonly WordExtractor _words;
    private readonly TermThemes _themes;

    /// <summary>A modeler that reads words with <paramref name="words"/> and labels topics with the themes of <paramref name="themes"/>.</summary>
    public TopicModeler(WordExtractor words, TermThemes themes)
    {
        _words = words ?? throw new ArgumentNullException(nameof(words));
        _themes = themes ?? throw new ArgumentNullException(nameof(themes));
    }

    /// <summary>Fits a model to <paramref name="documents"/>.</summary>
    /// <exception cref="CommonProsperityException">Too few words or passages to model.</exception>
    public TopicModel Fit(IReadOnlyList<Document> documents, TopicOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var passages = new List<Passage>();
        foreach (var (document, index) in documents.Select((d, i) => (d, i)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Cut(document, index, options, passages);
        }

        var vocabulary = Vocabulary(passages, options);
        var kept = passages.Select(p => p with { Words = p.Words.Where(vocabulary.Contains).ToArray() }).Where(p => p.Words.Length > 0).ToList();
        if (vocabulary.Count < options.Topics || kept.Count < options.Topics)
        {
            throw new CommonProsperityException(
                $"too little text for {options.Topics} topics: {kept.Count} passage(s) and {vocabulary.Count} distinct word(s) seen at least {options.MinWordCount} times remain.",
                null, null, Wording.Of($"Add documents, ask for fewer topics ({OptionName.Topics}), or lower {OptionName.MinCount} or {OptionName.PassageWords}."));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(kept.Select(p => new PassageRow { Words = p.Words }));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Keys", nameof(PassageRow.Words))
            .Append(ml.Transforms.Text.ProduceNgrams("Counts", "Keys", ngramLength: 1, useAllLengths: false,
                maximumNgramsCount: vocabulary.Count, weighting: NgramExtractingEstimator.WeightingCriteria.Tf))
            .Append(ml.Transforms.Text.LatentDirichletAllocation("Topics", "Counts",
                numberOfTopics: options.Topics,
                alphaSum: (float)options.AlphaSum,
                beta: (float)options.Beta,
                maximumNumberOfIterations: options.Iterations,
                numberOfThreads: 1,
                maximumTokenCountPerDocument: Math.Max(512, kept.Max(p => p.Words.Length)),
                numberOfSummaryTermsPerTopic: Math.Max(options.TermsPerTopic, LabelWords),
                resetRandomGenerator: true));

        float[][] shares;
        IReadOnlyList<IReadOnlyList<LatentDirichletAllocationTransformer.ModelParameters.WordItemScore>> wordScores;
        using (NativeOutputSilencer.Begin())
        {
            var model = pipeline.Fit(data);
            wordScores = model.LastTransformer.GetLdaDetails(0).WordScoresPerTopic;
            shares = model.Transform(data).GetColumn<float[]>("Topics").ToArray();
        }

        return Assemble(documents, kept, shares, wordScores, vocabulary.Count, options);
    }

    private void Cut(Document document, int index, TopicOptions options, List<Passage> passages)
    {
        var words = _words.Extract(document.Text)
            .Where(w => w.IsContent && (options.Language is null || string.Equals(w.Language, options.Language, StringComparison.Ordinal)))
            .ToList();
        if (options.PassageWords == 0)
        {
            passages.Add(new Passage(index, words.Select(w => w.Text).ToArray()));
            return;
        }

        var paragraphs = TextSegmenter.Instance.Segment(document.Text).Passages(); // paragraphs, long ones cut at sentence ends
        var current = new List<string>();
        var p = 0;
        foreach (var word in words)
        {
            while (p < paragraphs.Count - 1 && word.Start >= paragraphs[p].End)
            {
                p++;
                if (current.Count >= options.PassageWords)
                {
                    passages.Add(new Passage(index, [.. current]));
                    current.Clear();
                }
            }

            current.Add(word.Text);
        }

        if (current.Count > 0)
        {
            // A short tail joins the passage before it, so that no passage is a scrap.
            if (current.Count < options.PassageWords / 2 && passages.Count > 0 && passages[^1].Document == index)
            {
                passages[^1] = passages[^1] with { Words = [.. passages[^1].Words, .. current] };
            }
            else
            {
                passages.Add(new Passage(index, [.. current]));
            }
        }
    }

    private static HashSet<string> Vocabulary(List<Passage> passages, TopicOptions options)
    {
        var counts = new Dictionary<string, (int Count, int Passages)>(StringComparer.Ordinal);
        foreach (var passage in passages)
        {
            foreach (var word in passage.Words)
            {
                counts[word] = (counts.GetValueOrDefault(word).Count + 1, counts.GetValueOrDefault(word).Passages);
            }

            foreach (var word in passage.Words.Distinct(StringComparer.Ordinal))
            {
                counts[word] = (counts[word].Count, counts[word].Passages + 1);
            }
        }

        var maxPassages = passages.Count * options.MaxPassageShare;
        return counts.Where(kv => kv.Value.Count >= options.MinWordCount && kv.Value.Passages >= 2 && kv.Value.Passages <= maxPassages)
            .Select(kv => kv.Key).ToHashSet(StringComparer.Ordinal);
    }

    private TopicModel Assemble(IReadOnlyList<Document> documents, List<Passage> passages, float[][] shares,
        IReadOnlyList<IReadOnlyList<LatentDirichletAllocationTransformer.ModelParameters.WordItemScore>> wordScores, int vocabulary, TopicOptions options)
    {
        var k = options.Topics;
        var documentMass = new double[documents.Count, k];
        var documentWords = new int[documents.Count];
        var documentPassages = new int[documents.Count];
        var topicMass = new double[k];
        long total = 0;
        for (var i = 0; i < passages.Count; i++)
        {
            var passage = passages[i];
            var length = passage.Words.Length;
            documentWords[passage.Document] += length;
            documentPassages[passage.Document]++;
            total += length;
            var sum = shares[i].Sum();
            for (var t = 0; t < k; t++)
            {
                var share = sum > 0 ? shares[i][t] / sum : 0;
                documentMass[passage.Document, t] += share * length;
                topicMass[t] += share * length;
            }
        }

        var topics = new List<Topic>(k);
        for (var t = 0; t < k; t++)
        {
            var top = wordScores[t]
                .OrderByDescending(w => w.Score).ThenBy(w => w.Word, StringComparer.Ordinal)
                .Take(Math.Max(options.TermsPerTopic, LabelWords))
                .ToList();
            var themes = _themes.OfWordSet(top.Select(w => w.Word).ToList());
            var scored = top.Select((w, r) => new TopicTerm(r + 1, w.Word, Word.LanguageOf(w.Word), w.Score, string.Join(";", themes[r]))).ToList();
            var (theme, themeShare) = Label(scored.Take(LabelWords).ToList());
            var terms = scored.Take(options.TermsPerTopic).ToList();
            topics.Add(new Topic(t + 1, terms, total == 0 ? 0 : topicMass[t] / total, theme, themeShare));
        }

        var perDocument = documents.Select((d, i) => new DocumentTopics(d.Id, d.Metadata, documentPassages[i], documentWords[i],
            Enumerable.Range(0, k).Select(t => documentWords[i] == 0 ? 0 : documentMass[i, t] / documentWords[i]).ToArray())).ToList();
        return new TopicModel(topics, perDocument, passages.Count, vocabulary, total, options);
    }

    /// <summary>The theme whose terms carry the largest share of the weight of the top 20 words, if that share is at least 10%.</summary>
    private (string? Theme, double Share) Label(List<TopicTerm> terms)
    {
        var total = terms.Sum(t => t.Weight);
        if (total <= 0)
        {
            return (null, 0);
        }

        var best = _themes.Themes
            .Select((theme, order) => (Theme: theme, Order: order, Weight: terms.Where(t => t.Themes.Split(';').Contains(theme, StringComparer.Ordinal)).Sum(t => t.Weight)))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Order)
            .First();
        var share = best.Weight / total;
        return share >= MinThemeShare ? (best.Theme, share) : (null, 0);
    }

    private sealed record Passage(int Document, string[] Words);

    private sealed class PassageRow
    {
        public string[] Words { get; set; } = [];
    }
}
