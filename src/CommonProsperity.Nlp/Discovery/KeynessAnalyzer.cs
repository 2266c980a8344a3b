using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Keyness: the words each group of documents uses markedly more or less than the others. With two
/// groups each is compared with the other; with more, each with the rest together. Words are counted
/// with <see cref="WordExtractor"/> (English words, Chinese words from the segmenter; stop words left out
/// unless asked) and scored with <see cref="KeynessScore"/>; a group's list is ranked by G².
/// </summary>
internal sealed class KeynessAnalyzer
{
    private readonly WordExtractor _words;

    /// <summary>An analyzer that counts words with <paramref name="words"/>.</summary>
    public KeynessAnalyzer(WordExtractor words)
    {
        _words = words ?? throw new ArgumentNullException(nameof(words));
    }

    /// <summary>Compares <paramref name="groups"/> (at least two).</summary>
    public KeynessResult Compare(IReadOnlyList<DocumentGroup> groups, KeynessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups.Count, 2);
        options.Validate();
        var counts = groups.Select(g => Count(g.Documents, options, cancellationToken)).ToList();
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var count in counts)
        {
            foreach (var (word, n) in count)
            {
                total[word] = total.GetValueOrDefault(word) + n;
            }
        }

        var allWords = counts.Sum(c => c.Values.Sum());
        var vocabularies = new List<GroupVocabulary>();
        var terms = new List<KeyTerm>();
        for (var g = 0; g < groups.Count; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var own = counts[g];
            var words = own.Values.Sum();
            var referenceWords = allWords - words;
            var reference = groups.Count == 2 ? groups[1 - g].Name : "rest";
            var shared = own.Where(kv => total[kv.Key] > kv.Value).Sum(kv => kv.Value);
            vocabularies.Add(new GroupVocabulary(groups[g].Name, groups[g].Documents.Count, words, own.Count, words == 0 ? 0 : (double)shared / words));
            if (words == 0 || referenceWords == 0)
            {
                continue;
            }

            var scored = total.Where(kv => kv.Value >= options.MinCount)
                .Select(kv => (Word: kv.Key, Count: own.GetValueOrDefault(kv.Key), Other: kv.Value - own.GetValueOrDefault(kv.Key)))
                .Select(x => (x.Word, x.Count, x.Other, Score: KeynessScore.Compute(x.Count, x.Other, words, referenceWords)))
                .Where(x => x.Score.G2P < options.MaxP)
                .ToList();
            foreach (var direction in new[] { "over", "under" })
            {
                var over = direction == "over";
                var rank = 0;
                foreach (var x in scored.Where(x => x.Score.LogRatio > 0 == over && x.Score.LogRatio != 0)
                    .OrderByDescending(x => x.Score.G2).ThenBy(x => x.Word, StringComparer.Ordinal).Take(options.Top))
                {
                    terms.Add(new KeyTerm(groups[g].Name, reference, direction, ++rank, x.Word, Word.LanguageOf(x.Word),
                        x.Count, x.Other, words, referenceWords, x.Score));
                }
            }
        }

        return new KeynessResult(vocabularies, terms);
    }

    private Dictionary<string, long> Count(IReadOnlyList<Document> documents, KeynessOptions options, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var word in _words.Extract(document.Text))
            {
                if (word.IsContent || (options.KeepStopWords && word.Text.Any(char.IsLetter)))
                {
                    counts[word.Text] = counts.GetValueOrDefault(word.Text) + 1;
                }
            }
        }

        return counts;
    }
}
