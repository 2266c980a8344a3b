using CommonProsperity.Nlp.Counting;
using JiebaNet.Segmenter;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Splits runs of Chinese characters into words with jieba.NET (its dictionary plus its HMM for words
/// the dictionary lacks), for the discovery commands: topics, keyness and lexicon suggestions need
/// words, while the counting rules count characters. The built-in lexicon's Chinese terms are added to
/// the dictionary, so that <c>共同富裕</c> or <c>第三次分配</c> come out as one word.
/// <para>jieba.NET was chosen over Lucene SmartCn by measurement on the shared corpus (docs/discovery.md,
/// "Chinese words"): it keeps policy compounds whole (<c>高质量</c>, <c>民营企业</c>) and yields fewer stray single
/// characters, at the same speed. Its dictionary is process-wide, so the segmentation never depends on a
/// user's lexicon. Thread-safe: calls are serialised.</para>
/// </summary>
internal sealed class ChineseWordSegmenter
{
    private static readonly Lazy<ChineseWordSegmenter> Shared = new(() => new ChineseWordSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly JiebaSegmenter _jieba;
    private readonly Lock _gate = new();

    private ChineseWordSegmenter()
    {
        var folder = JiebaResources.Find();
        ConfigManager.ConfigFileBaseDir = folder;
        _jieba = new JiebaSegmenter();
        foreach (var word in JiebaResources.LexiconWords())
        {
            _jieba.AddWord(word);
        }
    }

    /// <summary>The one segmenter (loading the dictionary takes about a second, once per process).</summary>
    public static ChineseWordSegmenter Instance => Shared.Value;

    /// <summary>Splits <paramref name="han"/>, a run of Chinese characters, into words, in order; the words concatenate to the run.</summary>
    public IReadOnlyList<string> Segment(string han)
    {
        ArgumentNullException.ThrowIfNull(han);
        if (han.Length <= 1)
        {
            return han.Length == 0 ? [] : [han];
        }

        lock (_gate)
        {
            return _jieba.Cut(han, cutAll: false, hmm: true).ToArray();
        }
    }
}
