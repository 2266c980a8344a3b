using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Words that carry no theme (function words, auxiliaries, the scaffolding of laws), left out of topics,
/// keyness and lexicon suggestions. The built-in lists ship as resources (<c>Discovery/Resources/stopwords-en.txt</c>
/// and <c>stopwords-zh.txt</c>): one word a line, <c>#</c> comments.
/// </summary>
internal sealed class StopWords
{
    private static readonly Lazy<StopWords> Builtin = new(() => new StopWords(ReadResource("stopwords-en").Concat(ReadResource("stopwords-zh"))));
    private readonly HashSet<string> _words;

    /// <summary>A list of the given words (compared as written; give them in lower case).</summary>
    public StopWords(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        _words = new HashSet<string>(words, StringComparer.Ordinal);
    }

    /// <summary>The built-in English and Chinese lists.</summary>
    public static StopWords Default => Builtin.Value;

    /// <summary>No stop words at all.</summary>
    public static StopWords None { get; } = new([]);

    /// <summary>How many words the list holds.</summary>
    public int Count => _words.Count;

    /// <summary>True when <paramref name="word"/> (lower case) is a stop word.</summary>
    public bool Contains(string word) => _words.Contains(word);

    private static IEnumerable<string> ReadResource(string name)
    {
        var resource = $"CommonProsperity.Nlp.Discovery.{name}.txt";
        using var stream = typeof(StopWords).Assembly.GetManifestResourceStream(resource)
            ?? throw new CommonProsperityException($"the built-in stop word list {name}.txt is missing from the assembly.", fix: "Rebuild the tool.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words;
    }
}
