using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>Writers and printers for classifier metrics and predictions (train, evaluate).</summary>
internal static class ClassificationReports
{
    /// <summary>
    /// The columns of <c>metrics.csv</c> and <c>cv_metrics.csv</c>, declared once: each with how it is read off
    /// a metrics row and its interval (the interval columns are empty when no bootstrap was run, or when no
    /// resample defined the metric).
    /// </summary>
    private static readonly (string Name, Func<ThemeMetrics, MetricIntervals?, object?> Value)[] MetricsColumns =
    [
        ("theme", (m, _) => m.Theme),
        ("lang", (m, _) => m.Language),
        ("precision", (m, _) => m.Precision),
        ("precision_low", (_, i) => End(i?.Precision.Low)),
        ("precision_high", (_, i) => End(i?.Precision.High)),
        ("recall", (m, _) => m.Recall),
        ("recall_low", (_, i) => End(i?.Recall.Low)),
        ("recall_high", (_, i) => End(i?.Recall.High)),
        ("f1", (m, _) => m.F1),
        ("f1_low", (_, i) => End(i?.F1.Low)),
        ("f1_high", (_, i) => End(i?.F1.High)),
        ("support", (m, _) => m.Support),
        ("true_positives", (m, _) => m.TruePositives),
        ("false_positives", (m, _) => m.FalsePositives),
        ("false_negatives", (m, _) => m.FalseNegatives),
    ];

    /// <summary>The header of <c>metrics.csv</c>: <c>system</c>, then the metric columns.</summary>
    public static IReadOnlyList<string> MetricsHeader { get; } = ["system", .. MetricsColumns.Select(c => c.Name)];

    /// <summary>Writes <c>metrics.csv</c>-shaped rows (with a <c>system</c> column) to a CSV writer; <paramref name="intervals"/>, when given, row by row with <paramref name="metrics"/>.</summary>
    public static void WriteMetrics(CsvHelper.CsvWriter csv, string system, IReadOnlyList<ThemeMetrics> metrics, bool header, IReadOnlyList<MetricIntervals>? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(metrics);
        if (header)
        {
            csv.WriteRow([.. MetricsHeader]);
        }

        for (var k = 0; k < metrics.Count; k++)
        {
            var m = metrics[k];
            var interval = intervals?[k];
            csv.WriteRow([system, .. MetricsColumns.Select(c => c.Value(m, interval))]);
        }
    }

    private static object? End(double? value) => value is { } v && !double.IsNaN(v) ? v : null;

    /// <summary>Writes <c>cv_metrics.csv</c> and <c>cv_predictions.csv</c> (out-of-fold probabilities with fold numbers) atomically.</summary>
    public static void WriteCrossValidation(string directory, TrainingResult result, IReadOnlyList<MetricIntervals>? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var output = OutputDirectory.Open(directory);
        using (var csv = CsvReport.Create(output.Stage("cv_metrics.csv")))
        {
            WriteMetrics(csv, "classifier", result.Model.Card.CrossValidation, header: true, intervals);
        }

        using (var csv = CsvReport.Create(output.Stage("cv_predictions.csv")))
        {
            var themes = result.Model.Card.Themes;
            var header = new List<object?> { "id", "document", "lang", "fold", "gold" };
            header.AddRange(themes.Select(t => $"{t.Id}_p"));
            csv.WriteRow([.. header]);
            for (var i = 0; i < result.Passages.Count; i++)
            {
                var p = result.Passages[i];
                var row = new List<object?> { p.Id, p.Document, p.Language, result.Folds[i], string.Join(';', p.Themes.OrderBy(t => themes.ToList().FindIndex(m => m.Id == t))) };
                row.AddRange(result.OutOfFold[i].Select(v => (object?)(double)v));
                csv.WriteRow([.. row]);
            }
        }

        output.Commit();
    }

    /// <summary>
    /// Writes <c>metrics.csv</c> (classifier, and lexicon when evaluated), <c>predictions.csv</c>
    /// (<c>id,text,gold,predicted,&lt;theme&gt;_p...</c>, then <c>lexicon_predicted</c>) and
    /// <c>confusions.csv</c> (per theme, the most confident false positives and false negatives, with the
    /// gold themes of each, so a person can see whether the label or the model is wrong).
    /// </summary>
    public static void WriteEvaluation(string directory, ThemeModel model, IReadOnlyList<LabeledPassage> passages, ModelEvaluation evaluation, int confusionsPerTheme = 10)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(evaluation);
        var themes = model.Themes;
        string Join(IReadOnlySet<string> set) => string.Join(';', themes.Where(set.Contains));
        using var output = OutputDirectory.Open(directory);
        using (var csv = CsvReport.Create(output.Stage("metrics.csv")))
        {
            WriteMetrics(csv, "classifier", evaluation.Classifier, header: true, evaluation.ClassifierIntervals);
            if (evaluation.Lexicon is not null)
            {
                WriteMetrics(csv, "lexicon", evaluation.Lexicon, header: false, evaluation.LexiconIntervals);
            }
        }

        using (var csv = CsvReport.Create(output.Stage("predictions.csv")))
        {
            var header = new List<object?> { "id", "text", "gold", "predicted" };
            header.AddRange(themes.Select(t => $"{t}_p"));
            header.AddRange(["document", "lang"]);
            if (evaluation.LexiconPredicted is not null)
            {
                header.Add("lexicon_predicted");
            }

            csv.WriteRow([.. header]);
            for (var i = 0; i < passages.Count; i++)
            {
                var row = new List<object?> { passages[i].Id, passages[i].Text, Join(passages[i].Themes), Join(evaluation.Predicted[i]) };
                row.AddRange(evaluation.Probabilities[i].Select(p => (object?)(double)p));
                row.AddRange([passages[i].Document, passages[i].Language]);
                if (evaluation.LexiconPredicted is not null)
                {
                    row.Add(Join(evaluation.LexiconPredicted[i]));
                }

                csv.WriteRow([.. row]);
            }
        }

        using (var csv = CsvReport.Create(output.Stage("confusions.csv")))
        {
            csv.WriteRow("theme", "kind", "probability", "threshold", "id", "gold", "predicted", "text");
            for (var t = 0; t < themes.Count; t++)
            {
                var theme = themes[t];
                var threshold = model.Card.Themes[t].Threshold;
                var falsePositives = Enumerable.Range(0, passages.Count).Where(i => evaluation.Predicted[i].Contains(theme) && !passages[i].Themes.Contains(theme))
                    .OrderByDescending(i => evaluation.Probabilities[i][t]).Take(confusionsPerTheme);
                var falseNegatives = Enumerable.Range(0, passages.Count).Where(i => !evaluation.Predicted[i].Contains(theme) && passages[i].Themes.Contains(theme))
                    .OrderBy(i => evaluation.Probabilities[i][t]).Take(confusionsPerTheme);
                foreach (var (kind, rows) in new[] { ("false_positive", falsePositives), ("false_negative", falseNegatives) })
                {
                    foreach (var i in rows)
                    {
                        csv.WriteRow(theme, kind, (double)evaluation.Probabilities[i][t], threshold, passages[i].Id, Join(passages[i].Themes), Join(evaluation.Predicted[i]), passages[i].Text);
                    }
                }
            }
        }

        output.Commit();
    }
}
