namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Multi-label metrics: per theme, then micro (pooled counts) and macro (mean of the themes' F1,
/// over themes with at least one gold positive in the slice), for all passages and per language.
/// </summary>
internal static class MultiLabelEvaluator
{
    /// <summary>The slice that holds every passage, whatever its language.</summary>
    public const string AllLanguages = ThemeMetrics.AllLanguages;

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
        var slices = Slices(languages);
        var counts = new ConfusionCounts(slices.Count, themes.Count);
        for (var i = 0; i < gold.Count; i++)
        {
            counts.Add(0, themes, gold[i], predicted[i]);
            counts.Add(slices.IndexOf(languages[i]), themes, gold[i], predicted[i]);
        }

        return FromCounts(themes, slices, counts);
    }

    /// <summary>The slices reported: <see cref="AllLanguages"/>, then each language in ordinal order.</summary>
    internal static List<string> Slices(IEnumerable<string> languages) =>
        [AllLanguages, .. languages.Distinct(StringComparer.Ordinal).Where(l => l != AllLanguages).Order(StringComparer.Ordinal)];

    /// <summary>Metrics from confusion counts per slice and theme (the one place the averages are defined).</summary>
    internal static IReadOnlyList<ThemeMetrics> FromCounts(IReadOnlyList<string> themes, IReadOnlyList<string> slices, ConfusionCounts counts)
    {
        var results = new List<ThemeMetrics>((themes.Count + 2) * slices.Count);
        for (var s = 0; s < slices.Count; s++)
        {
            int tpAll = 0, fpAll = 0, fnAll = 0;
            double precisionSum = 0, recallSum = 0, f1Sum = 0;
            int scored = 0, support = 0;
            for (var t = 0; t < themes.Count; t++)
            {
                var (tp, fp, fn) = counts.Get(s, t);
                tpAll += tp;
                fpAll += fp;
                fnAll += fn;
                var metrics = ThemeMetrics.From(themes[t], slices[s], tp, fp, fn);
                results.Add(metrics);
                if (metrics.Support > 0)
                {
                    scored++;
                    support += metrics.Support;
                    precisionSum += metrics.Precision;
                    recallSum += metrics.Recall;
                    f1Sum += metrics.F1;
                }
            }

            results.Add(ThemeMetrics.From("micro", slices[s], tpAll, fpAll, fnAll));
            results.Add(new ThemeMetrics("macro", slices[s],
                scored == 0 ? 0 : precisionSum / scored,
                scored == 0 ? 0 : recallSum / scored,
                scored == 0 ? 0 : f1Sum / scored,
                support, tpAll, fpAll, fnAll));
        }

        return results;
    }
}
