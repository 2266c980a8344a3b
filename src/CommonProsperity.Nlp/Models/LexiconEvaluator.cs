using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Compares a lexicon with labelled passages: a passage counts as a lexicon hit for a theme when any of
/// the theme's terms match in it. Gives precision, recall and F1 per theme (overall and per language)
/// and, per term, how often it fires on passages of other themes, the evidence for dropping it; and,
/// per exclusion, how many matches it vetoed and on which passages.
/// </summary>
public static class LexiconEvaluator
{
    /// <summary>Evaluates <paramref name="matcher"/> on <paramref name="passages"/>.</summary>
    public static LexiconEvaluation Evaluate(LexiconMatcher matcher, IReadOnlyList<LabeledPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        ArgumentNullException.ThrowIfNull(passages);
        var themes = matcher.Themes;
        var terms = matcher.Lexicon.Terms;
        var termPassages = new int[terms.Count];
        var termOnTheme = new int[terms.Count];
        var termOthers = Enumerable.Range(0, terms.Count).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        var counts = new Dictionary<(string Theme, string Lang), int[]>();
        var languages = passages.Select(p => p.Language ?? "und").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var vetoed = new Dictionary<(int Term, int Exclusion), int[]>();
        var vetoes = new List<LexiconVeto>();

        foreach (var passage in passages)
        {
            vetoes.Clear();
            var hits = matcher.Match(passage.Text, vetoes);
            foreach (var group in vetoes.GroupBy(v => (v.Term, v.Exclusion)))
            {
                if (!vetoed.TryGetValue(group.Key, out var v))
                {
                    vetoed[group.Key] = v = new int[3];
                }

                v[0] += group.Count();
                v[1]++;
                v[2] += passage.Themes.Contains(terms[group.Key.Term].Theme) ? 1 : 0;
            }

            var predicted = new HashSet<int>(hits.Select(h => h.Theme));
            foreach (var term in hits.Select(h => h.Term).Distinct())
            {
                termPassages[term]++;
                if (passage.Themes.Contains(terms[term].Theme))
                {
                    termOnTheme[term]++;
                }
                else
                {
                    foreach (var gold in passage.Themes)
                    {
                        termOthers[term][gold] = termOthers[term].GetValueOrDefault(gold) + 1;
                    }

                    if (passage.Themes.Count == 0)
                    {
                        termOthers[term]["(none)"] = termOthers[term].GetValueOrDefault("(none)") + 1;
                    }
                }
            }

            for (var t = 0; t < themes.Count; t++)
            {
                var gold = passage.Themes.Contains(themes[t]);
                var hit = predicted.Contains(t);
                foreach (var lang in new[] { "all", passage.Language ?? "und" })
                {
                    if (!counts.TryGetValue((themes[t], lang), out var c))
                    {
                        counts[(themes[t], lang)] = c = new int[4];
                    }

                    c[3]++;
                    if (gold && hit)
                    {
                        c[0]++;
                    }
                    else if (hit)
                    {
                        c[1]++;
                    }
                    else if (gold)
                    {
                        c[2]++;
                    }
                }
            }
        }

        var agreements = new List<ThemeAgreement>();
        foreach (var lang in languages.Prepend("all"))
        {
            foreach (var theme in themes)
            {
                var c = counts.GetValueOrDefault((theme, lang)) ?? new int[4];
                agreements.Add(new ThemeAgreement(theme, lang, c[0], c[1], c[2], c[3]));
            }
        }

        var termRows = terms.Select((term, i) => new TermAgreement(term.Theme, term.Term, termPassages[i], termOnTheme[i],
            string.Join(";", termOthers[i].OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}:{kv.Value}")))).ToList();
        var exclusionRows = new List<ExclusionEffect>();
        for (var i = 0; i < terms.Count; i++)
        {
            for (var e = 0; e < terms[i].Exclusions.Count; e++)
            {
                var v = vetoed.GetValueOrDefault((i, e)) ?? new int[3];
                exclusionRows.Add(new ExclusionEffect(terms[i].Theme, terms[i].Term, terms[i].Exclusions[e], v[0], v[1], v[2]));
            }
        }

        return new LexiconEvaluation(agreements, termRows, exclusionRows);
    }
}
