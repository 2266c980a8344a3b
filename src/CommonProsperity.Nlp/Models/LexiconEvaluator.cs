using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Compares a lexicon with labelled passages: a passage counts as a lexicon hit for a theme when any of
/// the theme's terms match in it. Gives precision, recall and F1 per theme (overall and per language),
/// scored by the evaluator that scores a model (<see cref="ModelEvaluator.Score"/>), and, per term, how often it fires on passages of other themes, the evidence for dropping it; and,
/// per exclusion, how many matches it vetoed and on which passages.
/// </summary>
internal static class LexiconEvaluator
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
        var predicted = new IReadOnlySet<string>[passages.Count];
        var vetoed = new Dictionary<(int Term, int Exclusion), int[]>();
        var vetoes = new List<LexiconVeto>();

        for (var p = 0; p < passages.Count; p++)
        {
            var passage = passages[p];
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

            predicted[p] = hits.Select(h => themes[h.Theme]).ToHashSet(StringComparer.Ordinal);
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

        var metrics = ModelEvaluator.Score(themes, passages, predicted, bootstrap: null).Metrics
            .Where(m => m.Theme is not ("micro" or "macro")).ToList();
        var perLanguage = passages.CountBy(p => p.Language ?? "und").Prepend(new(MultiLabelEvaluator.AllLanguages, passages.Count))
            .ToDictionary(StringComparer.Ordinal);
        return new LexiconEvaluation(metrics, perLanguage, termRows, exclusionRows);
    }
}
