using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Tokenizers;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Turns passages into <see cref="PassageRow"/>s: the counting-rule tokens (so English words and
/// Chinese characters, and their bigrams, become features), o200k subword ids from
/// Microsoft.ML.Tokenizers (offline, from its data package), the passage's lexicon theme hits, and
/// the lexicon profile of the document the passage belongs to. Lexicon hits carry what is learned
/// across languages: an English passage about charity and a Chinese one about 慈善 light up the same
/// feature, which matters because some themes have almost no English labels.
/// </summary>
internal sealed class PassageFeaturizer
{
    private static readonly Lazy<Tokenizer> Subword = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));
    private const string UnknownDocument = "\u0000unknown";
    private readonly LexiconMatcher _matcher;

    /// <summary>The longest text whose scratch a thread keeps for the next call (four times a sentence piece; a paragraph or document may be longer).</summary>
    private const int LargestKeptText = 1 << 16;

    /// <summary>The thread's matching scratch and hit list for <see cref="LexiconHits"/> (any matcher may use them: each match prepares the scratch).</summary>
    [ThreadStatic]
    private static MatchScratch? _scratch;

    [ThreadStatic]
    private static List<LexiconHit>? _hits;

    /// <summary>Creates a featurizer over the model's lexicon.</summary>
    public PassageFeaturizer(LexiconMatcher matcher) => _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));

    /// <summary>The lexicon's matcher (what the hits are counted with).</summary>
    public LexiconMatcher Matcher => _matcher;

    /// <summary>The number of themes (the length of the context vector; the lexicon vector is twice as long).</summary>
    public int ThemeCount => _matcher.Themes.Count;

    /// <summary>The lexicon's theme ids, in vector order.</summary>
    public IReadOnlyList<string> LexiconThemes => _matcher.Themes;

    /// <summary>The ML.NET schema of <see cref="PassageRow"/> with the vector sizes set.</summary>
    public SchemaDefinition SchemaFor()
    {
        var schema = SchemaDefinition.Create(typeof(PassageRow));
        schema[nameof(PassageRow.Lexicon)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 2 * ThemeCount);
        schema[nameof(PassageRow.Context)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, ThemeCount);
        return schema;
    }

    /// <summary>
    /// Featurizes passages. <paramref name="groups"/> gives each passage's document key: passages with
    /// the same key share a document profile; a passage whose document is unknown (null or empty key)
    /// gets <paramref name="unknownProfile"/> (a model's training-set profile), not a profile of itself alone.
    /// </summary>
    public IReadOnlyList<PassageRow> Featurize(IReadOnlyList<string> texts, IReadOnlyList<string?> groups, IReadOnlyList<float> unknownProfile, IReadOnlyList<bool>? labels = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(unknownProfile);
        var hits = texts.Select(LexiconHits).ToArray();
        var keys = groups.Select(g => string.IsNullOrEmpty(g) ? UnknownDocument : g).ToArray();
        var profiles = DocumentProfiles(hits, keys);
        var unknown = unknownProfile.ToArray();
        return Featurize(texts, keys.Select(k => k == UnknownDocument ? unknown : profiles[k]).ToArray(), labels, hits);
    }

    /// <summary>The profile of a whole set of passages taken as one document (a model's stand-in for an unknown document).</summary>
    public float[] OverallProfile(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return DocumentProfile(texts);
    }

    /// <summary>Featurizes passages whose document profiles are already known (one vector per passage).</summary>
    public IReadOnlyList<PassageRow> Featurize(IReadOnlyList<string> texts, IReadOnlyList<float[]> contexts, IReadOnlyList<bool>? labels = null, IReadOnlyList<int[]>? knownHits = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(contexts);
        var hits = knownHits ?? texts.Select(LexiconHits).ToArray();
        var rows = new PassageRow[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            rows[i] = new PassageRow
            {
                Text = texts[i].ToLowerInvariant(),
                Tokens = TokenText(texts[i]),
                Subwords = SubwordText(texts[i]),
                Lexicon = [.. hits[i].Select(h => h > 0 ? 1f : 0f), .. hits[i].Select(h => MathF.Log(1 + h))],
                Context = contexts[i],
                Label = labels is not null && labels[i],
            };
        }

        return rows;
    }

    /// <summary>Lexicon hits per theme in one text.</summary>
    public int[] LexiconHits(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Called once or twice per sentence on every core: the thread's scratch (tokens, candidates, about 90 KB
        // of arrays) and hit list serve sentence after sentence, instead of new ones per call as Match(string) makes.
        var scratch = _scratch ??= new MatchScratch();
        var hits = _hits ??= [];
        hits.Clear();
        _matcher.Tokenizer.Tokenize(text, scratch.Tokens);
        _matcher.Match(scratch, hits);
        var counts = new int[ThemeCount];
        foreach (var hit in hits)
        {
            counts[hit.Theme]++;
        }

        if (text.Length > LargestKeptText)
        {
            // A paragraph or a whole document (--unit) grew them to its size: let them go rather than hold them for the thread's life.
            _scratch = null;
            _hits = null;
        }

        return counts;
    }

    /// <summary>The profile of one document: per theme, the share of its sentences with a lexicon hit.</summary>
    public float[] DocumentProfile(IEnumerable<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return ProfileOf(sentences.Select(LexiconHits).ToArray());
    }

    /// <summary>The profile of one document from its sentences' lexicon hits (<see cref="DocumentProfile"/>, with the hits known).</summary>
    public float[] ProfileOf(IReadOnlyList<int[]> sentenceHits)
    {
        ArgumentNullException.ThrowIfNull(sentenceHits);
        return sentenceHits.Count == 0 ? new float[ThemeCount] : DocumentProfiles(sentenceHits, [.. sentenceHits.Select(_ => "d")])["d"];
    }

    /// <summary>Per group, the share of its passages with at least one hit per theme.</summary>
    public Dictionary<string, float[]> DocumentProfiles(IReadOnlyList<int[]> hits, IReadOnlyList<string> groups)
    {
        ArgumentNullException.ThrowIfNull(hits);
        ArgumentNullException.ThrowIfNull(groups);
        var sums = new Dictionary<string, (float[] Sum, int Count)>(StringComparer.Ordinal);
        for (var i = 0; i < hits.Count; i++)
        {
            if (!sums.TryGetValue(groups[i], out var entry))
            {
                entry = (new float[ThemeCount], 0);
            }

            for (var t = 0; t < ThemeCount; t++)
            {
                entry.Sum[t] += hits[i][t] > 0 ? 1 : 0;
            }

            sums[groups[i]] = (entry.Sum, entry.Count + 1);
        }

        return sums.ToDictionary(kv => kv.Key, kv => kv.Value.Sum.Select(s => s / kv.Value.Count).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The counting-rule tokens of <paramref name="text"/>, space-separated.</summary>
    public static string TokenText(string text) =>
        string.Join(' ', CountingTokenizer.Instance.Tokenize(text).Select(t => t.Text));

    /// <summary>The o200k subword ids of <paramref name="text"/>, as words <c>s123</c>, space-separated.</summary>
    public static string SubwordText(string text) =>
        string.Join(' ', Subword.Value.EncodeToIds(text).Select(id => "s" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// The ML.NET featurization of <paramref name="features"/>: each text group as TF-IDF n-grams,
    /// L2-normalised on its own (so no group outweighs another by its length), and the lexicon vectors
    /// as they are, concatenated into <c>Features</c>.
    /// </summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml, FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(ml);
        const Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria TfIdf = Microsoft.ML.Transforms.Text.NgramExtractingEstimator.WeightingCriteria.TfIdf;
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        var columns = new List<string>();
        if (features.HasFlag(FeatureSet.Words))
        {
            pipeline = pipeline.Append(ml.Transforms.Text.TokenizeIntoWords("TokenWords", nameof(PassageRow.Tokens), [' ']))
                .Append(ml.Transforms.Conversion.MapValueToKey("TokenKeys", "TokenWords"))
                .Append(ml.Transforms.Text.ProduceNgrams("TokenGrams", "TokenKeys", ngramLength: 2, useAllLengths: true, weighting: TfIdf))
                .Append(ml.Transforms.NormalizeLpNorm("TokenFeatures", "TokenGrams"));
            columns.Add("TokenFeatures");
        }

        if (features.HasFlag(FeatureSet.Chars))
        {
            pipeline = pipeline.Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("CharKeys", nameof(PassageRow.Text), useMarkerCharacters: false))
                .Append(ml.Transforms.Text.ProduceNgrams("CharGrams", "CharKeys", ngramLength: 3, useAllLengths: true, weighting: TfIdf))
                .Append(ml.Transforms.NormalizeLpNorm("CharFeatures", "CharGrams"));
            columns.Add("CharFeatures");
        }

        if (features.HasFlag(FeatureSet.Subwords))
        {
            pipeline = pipeline.Append(ml.Transforms.Text.TokenizeIntoWords("SubwordWords", nameof(PassageRow.Subwords), [' ']))
                .Append(ml.Transforms.Conversion.MapValueToKey("SubwordKeys", "SubwordWords"))
                .Append(ml.Transforms.Text.ProduceNgrams("SubwordGrams", "SubwordKeys", ngramLength: 1, weighting: TfIdf))
                .Append(ml.Transforms.NormalizeLpNorm("SubwordFeatures", "SubwordGrams"));
            columns.Add("SubwordFeatures");
        }

        if (features.HasFlag(FeatureSet.Lexicon))
        {
            columns.Add(nameof(PassageRow.Lexicon));
        }

        if (features.HasFlag(FeatureSet.Context))
        {
            columns.Add(nameof(PassageRow.Context));
        }

        return pipeline.Append(ml.Transforms.Concatenate("Features", [.. columns]));
    }
}
