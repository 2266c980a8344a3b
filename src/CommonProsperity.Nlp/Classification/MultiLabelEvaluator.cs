namespace CommonProsperity.Nlp.Classification;

/// <summary>
/// Multi-label metrics: per theme, then micro (pooled counts) and macro (mean of the themes' F1,
/// over themes with at least one gold positive in the slice), for all passages and per language.
/// </summary>
public static class MultiLabelEvaluator
{
    /// <summary>Compares predicted with gold theme sets.</summary>
    /// <param name="themes">The themes to score, in report order.</param>
    /// <param name="gold">Per passage, the gold themes.</param>
    /// <param name="predicted">Per passage, the predicted themes.</param>
    /// <param name="languages">Per passage, its language.</param>
    public static IReadOnlyList<ThemeMetrics> Evaluate(IReadOnlyList<string> themes, IReadOnlyList<IReadOnlySet<string>> gold,
        IReadOnlyList<IReadOnlySet<string>> predicted, IReadOnlyList<string> languages)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(languages);
        var results = new List<ThemeMetrics>();
        var slices = languages.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Prepend("all");
        foreach (var slice in slices)
        {
            var index = Enumerable.Range(0, gold.Count).Where(i => slice == "all" || languages[i] == slice).ToList();
            int tpAll = 0, fpAll = 0, fnAll = 0;
            var perTheme = new List<ThemeMetrics>();
            foreach (var theme in themes)
            {
                int tp = 0, fp = 0, fn = 0;
                foreach (var i in index)
                {
                    var g = gold[i].Contains(theme);
                    var p = predicted[i].Contains(theme);
                    if (g && p)
                    {
                        tp++;
                    }
                    else if (p)
                    {
                        fp++;
                    }
                    else if (g)
                    {
                        fn++;
                    }
                }

                tpAll += tp;
                fpAll += fp;
                fnAll += fn;
                perTheme.Add(ThemeMetrics.From(theme, slice, tp, fp, fn));
            }

            results.AddRange(perTheme);
            results.Add(ThemeMetrics.From("micro", slice, tpAll, fpAll, fnAll));
            var scored = perTheme.Where(m => m.Support > 0).ToList();
            results.Add(new ThemeMetrics("macro", slice,
                scored.Count == 0 ? 0 : scored.Average(m => m.Precision),
                scored.Count == 0 ? 0 : scored.Average(m => m.Recall),
                scored.Count == 0 ? 0 : scored.Average(m => m.F1),
                scored.Sum(m => m.Support), tpAll, fpAll, fnAll));
        }

        return results;
    }
}
