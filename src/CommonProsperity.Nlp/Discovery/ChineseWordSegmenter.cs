using System.Collections.Concurrent;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
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
    /// <summary>The folder, beside the assembly, that holds jieba's dictionary and HMM tables.</summary>
    public const string ResourceFolder = "jieba";

    private static readonly Lazy<ChineseWordSegmenter> Shared = new(() => new ChineseWordSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly JiebaSegmenter _jieba;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    private ChineseWordSegmenter()
    {
        var folder = FindResources();
        ConfigManager.ConfigFileBaseDir = folder;
        _jieba = new JiebaSegmenter();
        foreach (var term in DefaultLexicon.Instance.Terms)
        {
            if (term.Term.Length >= 2 && term.Term.All(c => CharClass.IsHan(c)))
            {
                _jieba.AddWord(term.Term);
            }
        }
    }

    /// <summary>
    /// Counts words with this segmenter's Chinese words (<see cref="CountWords"/>); the dictionary is
    /// loaded only when a text has a run of two or more Chinese characters.
    /// </summary>
    public static WordCounter Words { get; } = new(han => Instance.CountWords(han));

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

    /// <summary>
    /// How many words <paramref name="han"/>, a run of Chinese characters, has: the length of
    /// <see cref="Segment"/>'s list, for word counts (<see cref="WordCounter"/>). A run met before is not
    /// segmented again (policy texts repeat set phrases): the counts of up to
    /// <see cref="MaxRemembered"/> runs are kept for the life of the process, so a count is always
    /// exactly what the segmenter says.
    /// </summary>
    public int CountWords(string han)
    {
        ArgumentNullException.ThrowIfNull(han);
        if (han.Length <= 1)
        {
            return han.Length;
        }

        if (_counts.TryGetValue(han, out var known))
        {
            return known;
        }

        var count = Segment(han).Count;
        if (han.Length <= MaxRememberedLength && _counts.Count < MaxRemembered)
        {
            _counts.TryAdd(han, count);
        }

        return count;
    }

    /// <summary>How many runs' word counts <see cref="CountWords"/> keeps (a few tens of MB at most).</summary>
    public const int MaxRemembered = 200_000;

    /// <summary>The longest run whose count <see cref="CountWords"/> keeps, in characters.</summary>
    public const int MaxRememberedLength = 64;

    private static string FindResources()
    {
        string?[] candidates =
        [
            Path.GetDirectoryName(typeof(ChineseWordSegmenter).Assembly.Location),
            AppContext.BaseDirectory,
        ];
        foreach (var directory in candidates)
        {
            if (string.IsNullOrEmpty(directory))
            {
                continue;
            }

            var folder = Path.Combine(directory, ResourceFolder);
            if (File.Exists(Path.Combine(folder, "dict.txt")))
            {
                return folder;
            }
        }

        throw new CommonProsperityException($"the Chinese word dictionary (jieba/dict.txt) is missing beside the program in {AppContext.BaseDirectory}.",
            fix: "Reinstall or rebuild the tool; the build copies jieba.NET's dictionary into a 'jieba' folder next to CommonProsperity.Nlp.dll.");
    }
}
