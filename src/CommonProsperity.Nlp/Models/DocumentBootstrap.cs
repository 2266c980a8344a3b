namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Percentile bootstrap intervals for <see cref="MultiLabelEvaluator"/>'s metrics that resample whole
/// documents, not passages: the passages of one document share its subject and wording, so they are
/// not independent, and an interval from resampled passages would be too narrow for what a user cares
/// about (how the figures hold on other documents). Each resample draws, within each language, as many
/// documents of that language as there are, with replacement (so a resample of 7 English and 4 Chinese
/// documents again has 7 and 4, and the per-language figures stay comparable), adds up their confusion counts and computes every metric as the point estimate does;
/// a metric a resample leaves undefined (precision with nothing predicted, recall with nothing gold) is
/// left out of that metric's percentiles. A passage without a document counts as a document of its own;
/// a document's language is that of its first passage.
/// </summary>
internal static class DocumentBootstrap
{
    /// <summary>Intervals in the order of <see cref="MultiLabelEvaluator.Evaluate"/>'s rows.</summary>
    /// <param name="themes">The themes to score, in report order.</param>
    /// <param name="gold">Per passage, the gold themes.</param>
    /// <param name="predicted">Per passage, the predicted themes.</param>
    /// <param name="languages">Per passage, its language.</param>
    /// <param name="documents">Per passage, its document (null or empty: unknown).</param>
    /// <param name="options">Resamples, seed and confidence level.</param>
    public static IReadOnlyList<MetricIntervals> Intervals(IReadOnlyList<string> themes, IReadOnlyList<IReadOnlySet<string>> gold,
        IReadOnlyList<IReadOnlySet<string>> predicted, IReadOnlyList<string> languages, IReadOnlyList<string?> documents, BootstrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var slices = MultiLabelEvaluator.Slices(languages);
        var rows = (themes.Count + 2) * slices.Count;

        // Confusion counts per document, so that a resample only adds up a few tables.
        var units = new List<ConfusionCounts>();
        var strata = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var unitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            var key = string.IsNullOrEmpty(documents[i]) ? "\u0000passage " + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : documents[i]!;
            if (!unitOf.TryGetValue(key, out var unit))
            {
                unit = units.Count;
                unitOf[key] = unit;
                units.Add(new ConfusionCounts(slices.Count, themes.Count));
                if (!strata.TryGetValue(languages[i], out var stratum))
                {
                    stratum = [];
                    strata[languages[i]] = stratum;
                }

                stratum.Add(unit);
            }

            units[unit].Add(0, themes, gold[i], predicted[i]);
            units[unit].Add(slices.IndexOf(languages[i]), themes, gold[i], predicted[i]);
        }

        var precision = Samples(rows, options.Resamples);
        var recall = Samples(rows, options.Resamples);
        var f1 = Samples(rows, options.Resamples);
        var random = new Random(options.Seed);
        var resample = new ConfusionCounts(slices.Count, themes.Count);
        for (var r = 0; r < options.Resamples && units.Count > 0; r++)
        {
            resample.Clear();
            foreach (var stratum in strata.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value))
            {
                for (var k = 0; k < stratum.Count; k++)
                {
                    resample.Add(units[stratum[random.Next(stratum.Count)]]);
                }
            }

            var metrics = MultiLabelEvaluator.FromCounts(themes, slices, resample);
            for (var m = 0; m < rows; m++)
            {
                var (p, rc, f) = Defined(metrics[m], isMacro: m % (themes.Count + 2) == themes.Count + 1);
                if (p)
                {
                    precision[m].Add(metrics[m].Precision);
                }

                if (rc)
                {
                    recall[m].Add(metrics[m].Recall);
                }

                if (f)
                {
                    f1[m].Add(metrics[m].F1);
                }
            }
        }

        var labels = MultiLabelEvaluator.FromCounts(themes, slices, new ConfusionCounts(slices.Count, themes.Count));
        return Enumerable.Range(0, rows).Select(m => new MetricIntervals(labels[m].Theme, labels[m].Language,
            Percentiles(precision[m], options.Confidence), Percentiles(recall[m], options.Confidence), Percentiles(f1[m], options.Confidence))).ToArray();
    }

    /// <summary>The interval from <paramref name="values"/>: the (1 - confidence) / 2 and (1 + confidence) / 2 quantiles, interpolated linearly.</summary>
    public static MetricInterval Percentiles(IReadOnlyList<double> values, double confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return MetricInterval.Undefined;
        }

        var sorted = values.Order().ToArray();
        return new MetricInterval(Quantile(sorted, (1 - confidence) / 2), Quantile(sorted, (1 + confidence) / 2));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }

    private static List<double>[] Samples(int rows, int resamples) =>
        Enumerable.Range(0, rows).Select(_ => new List<double>(resamples)).ToArray();

    /// <summary>Which of precision, recall and F1 a resample defines for a row.</summary>
    private static (bool Precision, bool Recall, bool F1) Defined(ThemeMetrics row, bool isMacro)
    {
        if (isMacro)
        {
            // The macro average is defined when some theme of the slice has a gold positive.
            var any = row.Support > 0;
            return (any, any, any);
        }

        var predictedAny = row.TruePositives + row.FalsePositives > 0;
        var goldAny = row.Support > 0;
        return (predictedAny, goldAny, predictedAny || goldAny);
    }
}
