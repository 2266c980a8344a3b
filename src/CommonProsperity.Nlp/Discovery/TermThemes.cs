using System.Collections.Concurrent;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Which themes' lexicon terms match a word or phrase, by the counting rules (so <c>charit*</c> matches
/// <c>charitable</c>, and <c>慈善</c> matches inside <c>慈善组织</c>). Used to label topics and to leave out
/// suggestions a theme's lexicon already catches. Answers are cached; thread-safe.
/// </summary>
internal sealed class TermThemes
{
    private readonly LexiconMatcher _matcher;
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _cache = new(StringComparer.Ordinal);
    private readonly List<(string Theme, string[] Words, bool LastIsPrefix)> _phrases = [];

    /// <summary>Looks terms up in <paramref name="matcher"/>'s lexicon; <paramref name="stopWords"/> are ignored inside phrases (<c>the party</c> is covered by <c>party</c>).</summary>
    public TermThemes(LexiconMatcher matcher, StopWords stopWords)
    {
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        ArgumentNullException.ThrowIfNull(stopWords);
        foreach (var term in matcher.Lexicon.Terms)
        {
            var words = CountingTokenizer.Instance.Tokenize(term.Term).Select(t => t.Text).ToList();
            var lastIsPrefix = term.Term.EndsWith('*');
            if (words.Count < 2 || words.Any(w => CharClass.IsHan(w[0])))
            {
                continue;
            }

            var kept = words.Where((w, i) => !stopWords.Contains(w) || (lastIsPrefix && i == words.Count - 1)).ToArray();
            if (kept.Length > 0)
            {
                _phrases.Add((term.Theme, kept, lastIsPrefix && kept[^1] == words[^1]));
            }
        }
    }

    /// <summary>The theme ids, in report order.</summary>
    public IReadOnlyList<string> Themes => _matcher.Themes;

    /// <summary>The themes with a term matching in <paramref name="text"/>, in report order.</summary>
    public IReadOnlyList<string> Of(string text) =>
        _cache.GetOrAdd(text, t => _matcher.Match(t).Select(h => h.Theme).Distinct().Order().Select(i => _matcher.Themes[i]).ToArray());

    /// <summary>
    /// For a set of words that belong together (a topic's top words), the themes of each word: those
    /// matching the word itself, plus those of a multi-word term (<c>party leadership</c>) whose every
    /// word is in the set.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> OfWordSet(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var themes = words.Select(w => new SortedSet<int>(Of(w).Select(IndexOf))).ToList();
        foreach (var (theme, phrase, lastIsPrefix) in _phrases)
        {
            var positions = new List<int>();
            for (var k = 0; k < phrase.Length; k++)
            {
                var prefix = lastIsPrefix && k == phrase.Length - 1;
                var found = Enumerable.Range(0, words.Count).Where(i => prefix ? words[i].StartsWith(phrase[k], StringComparison.Ordinal) : string.Equals(words[i], phrase[k], StringComparison.Ordinal)).ToList();
                if (found.Count == 0)
                {
                    positions.Clear();
                    break;
                }

                positions.AddRange(found);
            }

            foreach (var i in positions)
            {
                themes[i].Add(IndexOf(theme));
            }
        }

        return themes.Select(s => (IReadOnlyList<string>)s.Select(i => _matcher.Themes[i]).ToArray()).ToList();
    }

    private int IndexOf(string theme)
    {
        for (var i = 0; i < _matcher.Themes.Count; i++)
        {
            if (string.Equals(_matcher.Themes[i], theme, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
