using System.Text;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Frequent n-grams and collocations of groups of documents: the phrases a lexicon may lack. Units are
/// words (English words as the counting rules give them, Chinese words from jieba.NET) or Chinese
/// characters. N-grams and pairs never cross a sentence mark, a comma or any other punctuation, nor a
/// change of language: only units that <see cref="Word.JoinsPrevious"/> form a phrase. By default an n-gram
/// or pair must begin and end with a content unit (not a stop word, number or single letter), so that
/// <c>of the</c> is not listed while <c>rule of law</c> is. Counts are exact; docs/discovery.md gives the formulas.
/// Thread-safe.
/// </summary>
internal sealed class PhraseFinder
{
    private const char Separator = '\u0001';

    /// <summary>
    /// Chinese characters that only bind (particles, conjunctions, the copula): a character n-gram may not
    /// begin or end with one. The word stop list is not used for characters, since its one-character
    /// entries (<c>同</c>, <c>对</c>, <c>为</c>) are also parts of content words (<c>共同</c>, <c>对外</c>, <c>为民</c>).
    /// </summary>
    private const string BindingCharacters = "的地得了着过之和与及或是等也而其";
    private readonly WordExtractor _words;

    /// <summary>A finder that splits texts with <paramref name="stopWords"/> marking the non-content words.</summary>
    public PhraseFinder(StopWords stopWords)
    {
        ArgumentNullException.ThrowIfNull(stopWords);

        // Possessives kept: a phrase found here should match as a lexicon term as it stands.
        _words = new WordExtractor(stopWords, stripPossessive: false);
    }

    /// <summary>The finder with the built-in stop word lists.</summary>
    public static PhraseFinder Default { get; } = new(StopWords.Default);

    /// <summary>The most frequent n-grams of each group, by group, language, size, then rank.</summary>
    public IReadOnlyList<Ngram> Ngrams(IReadOnlyList<DocumentGroup> groups, PhraseOptions options, CancellationToken cancellationToken = default) =>
        EachGroup(groups, options, group => Ngrams(group, options, cancellationToken));

    /// <summary>The strongest collocations (adjacent pairs) of each group, by group, language, then rank.</summary>
    public IReadOnlyList<Collocation> Collocations(IReadOnlyList<DocumentGroup> groups, PhraseOptions options, CancellationToken cancellationToken = default) =>
        EachGroup(groups, options, group => Collocations(group, options, cancellationToken));

    /// <summary>Checks the arguments, then finds the phrases of each group in turn.</summary>
    private static List<T> EachGroup<T>(IReadOnlyList<DocumentGroup> groups, PhraseOptions options, Func<DocumentGroup, IEnumerable<T>> find)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return [.. groups.SelectMany(find)];
    }

    private IEnumerable<Ngram> Ngrams(DocumentGroup group, PhraseOptions options, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(string Language, int Size, string Term), Tally>();
        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (d, run) in Runs(group, options, cancellationToken))
        {
            units[run.Language] = units.GetValueOrDefault(run.Language) + run.Units.Length;
            for (var size = options.MinSize; size <= options.MaxSize; size++)
            {
                for (var i = 0; i + size <= run.Units.Length; i++)
                {
                    if (!options.KeepStopWords && !(run.Units[i].IsContent && run.Units[i + size - 1].IsContent))
                    {
                        continue;
                    }

                    var key = (run.Language, size, Join(run.Language, run.Units.AsSpan(i, size)));
                    counts[key] = counts.GetValueOrDefault(key).Add(d);
                }
            }
        }

        return counts
            .Where(kv => kv.Value.Count >= options.MinCount)
            .GroupBy(kv => (kv.Key.Language, kv.Key.Size))
            .OrderBy(g => g.Key.Language, StringComparer.Ordinal).ThenBy(g => g.Key.Size)
            .SelectMany(g => g.OrderByDescending(kv => kv.Value.Count).ThenByDescending(kv => kv.Value.Documents).ThenBy(kv => kv.Key.Term, StringComparer.Ordinal)
                .Take(options.Top)
                .Select((kv, i) => new Ngram(group.Name, kv.Key.Size, i + 1, kv.Key.Term, kv.Key.Language, kv.Value.Count, kv.Value.Documents, units[kv.Key.Language])));
    }

    private IEnumerable<Collocation> Collocations(DocumentGroup group, PhraseOptions options, CancellationToken cancellationToken)
    {
        var pairs = new Dictionary<(string Language, string First, string Second), Tally>();
        var firsts = new Dictionary<(string Language, string Unit), long>();
        var seconds = new Dictionary<(string Language, string Unit), long>();
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var content = new HashSet<(string Language, string Unit)>();
        foreach (var (d, run) in Runs(group, options, cancellationToken))
        {
            for (var i = 0; i + 1 < run.Units.Length; i++)
            {
                var (first, second) = (run.Units[i], run.Units[i + 1]);
                var pair = (run.Language, first.Text, second.Text);
                pairs[pair] = pairs.GetValueOrDefault(pair).Add(d);
                Increment(firsts, (run.Language, first.Text));
                Increment(seconds, (run.Language, second.Text));
                totals[run.Language] = totals.GetValueOrDefault(run.Language) + 1;
                if (first.IsContent && second.IsContent)
                {
                    content.Add((run.Language, first.Text + Separator + second.Text));
                }
            }
        }

        var scored = pairs
            .Where(kv => kv.Value.Count >= options.MinCount && (options.KeepStopWords || content.Contains((kv.Key.Language, kv.Key.First + Separator + kv.Key.Second))))
            .Select(kv => (kv.Key, kv.Value.Documents, Score: CollocationScore.Compute(kv.Value.Count, firsts[(kv.Key.Language, kv.Key.First)],
                seconds[(kv.Key.Language, kv.Key.Second)], totals[kv.Key.Language])))
            .Where(x => x.Score.Count > x.Score.Expected);
        return scored
            .GroupBy(x => x.Key.Language)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => Rank(g, options.Ranking).Take(options.Top)
                .Select((x, i) => new Collocation(group.Name, i + 1, Join(x.Key.Language, [new(x.Key.First, true), new(x.Key.Second, true)]), x.Key.First, x.Key.Second,
                    x.Key.Language, x.Documents, x.Score)));
    }

    private static IOrderedEnumerable<((string Language, string First, string Second) Key, int Documents, CollocationScore Score)> Rank(
        IEnumerable<((string Language, string First, string Second) Key, int Documents, CollocationScore Score)> scored, PhraseRanking ranking)
    {
        var ordered = ranking == PhraseRanking.Pmi
            ? scored.OrderByDescending(x => x.Score.Pmi).ThenByDescending(x => x.Score.G2)
            : scored.OrderByDescending(x => x.Score.G2).ThenByDescending(x => x.Score.Pmi);
        return ordered.ThenBy(x => x.Key.First, StringComparer.Ordinal).ThenBy(x => x.Key.Second, StringComparer.Ordinal);
    }

    /// <summary>The runs of each document of <paramref name="group"/>, with the document's index in it.</summary>
    private IEnumerable<(int Document, Run Run)> Runs(DocumentGroup group, PhraseOptions options, CancellationToken cancellationToken)
    {
        for (var d = 0; d < group.Documents.Count; d++)
        {
            foreach (var run in Runs(group.Documents[d], options, cancellationToken))
            {
                yield return (d, run);
            }
        }
    }

    /// <summary>
    /// The runs of a document: maximal stretches of units of one language with nothing but spaces or
    /// hyphens (English) or nothing (Chinese) between them.
    /// </summary>
    private IEnumerable<Run> Runs(Document document, PhraseOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var words = _words.Extract(document.Text);
        var start = 0;
        for (var i = 1; i <= words.Count; i++)
        {
            if (i < words.Count && words[i].JoinsPrevious && words[i].IsChinese == words[i - 1].IsChinese)
            {
                continue;
            }

            var language = words[start].Language;
            if (options.Language is null || string.Equals(options.Language, language, StringComparison.Ordinal))
            {
                var units = options.Unit == PhraseUnit.Words
                    ? words.Skip(start).Take(i - start).Select(w => new Unit(w.Text, w.IsContent)).ToArray()
                    : words[start].IsChinese ? Characters(document.Text[words[start].Start..words[i - 1].End]) : [];
                if (units.Length > 0)
                {
                    yield return new Run(language, units);
                }
            }

            start = i;
        }
    }

    private static Unit[] Characters(string han)
    {
        var units = new List<Unit>(han.Length);
        foreach (var rune in han.EnumerateRunes())
        {
            if (!CharClass.IsHan(rune.Value))
            {
                continue;
            }

            var text = rune.ToString();
            units.Add(new Unit(text, !BindingCharacters.Contains(text, StringComparison.Ordinal)));
        }

        return [.. units];
    }

    /// <summary>Units written as a phrase: English words with a space between them, Chinese units with none.</summary>
    private static string Join(string language, ReadOnlySpan<Unit> units)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < units.Length; i++)
        {
            if (i > 0 && language == "en")
            {
                builder.Append(' ');
            }

            builder.Append(units[i].Text);
        }

        return builder.ToString();
    }

    private static void Increment(Dictionary<(string Language, string Unit), long> counts, (string, string) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private readonly record struct Unit(string Text, bool IsContent);

    private readonly record struct Run(string Language, Unit[] Units);

    /// <summary>Occurrences and documents of one n-gram; documents are visited in order, so the last one seen is enough to count them.</summary>
    private readonly record struct Tally(long Count, int Documents, int LastDocument)
    {
        public Tally Add(int document) =>
            Count == 0 ? new Tally(1, 1, document) : new Tally(Count + 1, document == LastDocument ? Documents : Documents + 1, document);
    }
}
