using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Suggests lexicon terms from labelled passages, so that a lexicon grows on evidence. Candidates are
/// English words and two-word phrases (stop words and numbers left out, phrases only where the counting
/// rules would match them) and Chinese words of two or more characters from the segmenter. A candidate's
/// passages are those it would match in if it were a lexicon term (English: the exact tokens; Chinese: the
/// characters anywhere, as the counting rules match Chinese). Given candidates (<see cref="SuggestOptions.Candidates"/>,
/// for example the phrases of <see cref="PhraseFinder"/>) replace the passages' own words, with English phrases of
/// any length. A candidate is offered for a theme when
/// enough of the theme's passages hold it, enough of its passages are about the theme, and none of the
/// theme's lexicon terms already matches inside it. Ranked by the lower end of the precision's 95%
/// Wilson interval, which weighs precision and support together.
/// </summary>
internal sealed class LexiconSuggester
{
    private readonly LexiconMatcher _matcher;
    private readonly TermThemes _themes;
    private readonly WordExtractor _words;

    /// <summary>A suggester for the lexicon of <paramref name="matcher"/>.</summary>
    public LexiconSuggester(LexiconMatcher matcher, StopWords stopWords)
    {
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        ArgumentNullException.ThrowIfNull(stopWords);
        _themes = new TermThemes(matcher, stopWords);
        _words = new WordExtractor(stopWords, stripPossessive: false);
    }

    /// <summary>The candidates for every theme of the lexicon, theme by theme in report order, best first.</summary>
    public IReadOnlyList<LexiconSuggestion> Suggest(IReadOnlyList<LabeledPassage> passages, SuggestOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        // Each passage's English candidates (words and phrases), whether it has Chinese, and the themes the lexicon finds in it.
        var english = new List<HashSet<string>>(passages.Count);
        var hasChinese = new List<bool>(passages.Count);
        var lexiconThemes = new List<HashSet<string>>(passages.Count);
        var chineseCandidates = new HashSet<string>(StringComparer.Ordinal);
        var given = options.Candidates is null ? null : new HashSet<string>(options.Candidates.Where(c => Word.LanguageOf(c) == "en"), StringComparer.Ordinal);
        var longest = given is null || given.Count == 0 ? 0 : given.Max(c => c.Count(ch => ch == ' ') + 1);
        chineseCandidates.UnionWith(options.Candidates?.Where(c => Word.LanguageOf(c) == "zh") ?? []);
        foreach (var passage in passages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var words = _words.Extract(passage.Text);
            var set = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; given is not null && i < words.Count; i++)
            {
                // A given English candidate is in a passage when its words stand there in a row, joined only by spaces or hyphens.
                var phrase = words[i].Text;
                for (var j = i; j < words.Count && j < i + longest && !words[j].IsChinese && (j == i || words[j].JoinsPrevious); j++)
                {
                    phrase = j == i ? phrase : phrase + " " + words[j].Text;
                    if (given.Contains(phrase))
                    {
                        set.Add(phrase);
                    }
                }
            }

            for (var i = 0; given is null && i < words.Count; i++)
            {
                var word = words[i];
                if (word.IsChinese)
                {
                    if (word.IsContent && word.Text.Length >= 2)
                    {
                        chineseCandidates.Add(word.Text);
                    }

                    continue;
                }

                if (word.IsContent)
                {
                    set.Add(word.Text);
                    if (i > 0 && word.JoinsPrevious && words[i - 1] is { IsChinese: false, IsContent: true } previous)
                    {
                        set.Add(previous.Text + " " + word.Text);
                    }
                }
            }

            english.Add(set);
            hasChinese.Add(words.Any(w => w.IsChinese));
            lexiconThemes.Add(_matcher.Match(passage.Text).Select(h => _matcher.Themes[h.Theme]).ToHashSet(StringComparer.Ordinal));
        }

        // Where each candidate occurs.
        var occurrences = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < passages.Count; p++)
        {
            foreach (var candidate in english[p])
            {
                Occurrences(occurrences, candidate).Add(p);
            }
        }

        foreach (var candidate in chineseCandidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var list = Occurrences(occurrences, candidate);
            for (var p = 0; p < passages.Count; p++)
            {
                if (hasChinese[p] && passages[p].Text.Contains(candidate, StringComparison.Ordinal))
                {
                    list.Add(p);
                }
            }
        }

        var suggestions = new List<LexiconSuggestion>();
        foreach (var theme in _matcher.Themes)
        {
            var themePassages = passages.Count(p => p.Themes.Contains(theme));
            if (themePassages == 0)
            {
                continue;
            }

            var ranked = occurrences
                .Where(kv => kv.Value.Count >= options.MinSupport)
                .Select(kv => Score(theme, kv.Key, kv.Value, passages, lexiconThemes, themePassages))
                .Where(s => s is not null && s.Support >= options.MinSupport && s.Precision >= options.MinPrecision && (!options.NewOnly || s.NewPassages > 0)
                    && !_themes.Of(s.Term).Contains(theme, StringComparer.Ordinal))
                .OrderByDescending(s => s!.PrecisionLow).ThenByDescending(s => s!.Support).ThenBy(s => s!.Term, StringComparer.Ordinal)
                .Take(options.Top)
                .Select((s, i) => s! with { Rank = i + 1 });
            suggestions.AddRange(ranked);
        }

        return suggestions;
    }

    private static List<int> Occurrences(Dictionary<string, List<int>> occurrences, string candidate)
    {
        if (!occurrences.TryGetValue(candidate, out var list))
        {
            occurrences[candidate] = list = [];
        }

        return list;
    }

    private static LexiconSuggestion? Score(string theme, string term, List<int> where, IReadOnlyList<LabeledPassage> passages,
        List<HashSet<string>> lexiconThemes, int themePassages)
    {
        var onTheme = where.Where(p => passages[p].Themes.Contains(theme)).ToList();
        if (onTheme.Count == 0)
        {
            return null;
        }

        var missed = onTheme.Where(p => !lexiconThemes[p].Contains(theme)).ToList();
        var n = where.Count;
        var precision = (double)onTheme.Count / n;
        var example = passages[missed.Count > 0 ? missed[0] : onTheme[0]].Id;
        return new LexiconSuggestion(theme, 0, term, Word.LanguageOf(term), onTheme.Count, n, precision, WilsonLow(precision, n),
            (double)onTheme.Count / themePassages, missed.Count, example);
    }

    /// <summary>The lower end of the 95% Wilson score interval of a proportion <paramref name="p"/> out of <paramref name="n"/>.</summary>
    internal static double WilsonLow(double p, int n) => WilsonInterval.Of(p, n).Low;
}
