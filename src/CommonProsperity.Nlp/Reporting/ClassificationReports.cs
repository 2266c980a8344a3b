using System.Globalization;
using CommonProsperity.Nlp.Classification;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>Writers and printers for classifier metrics and predictions (train, evaluate).</summary>
public static class ClassificationReports
{
    /// <summary>Writes <c>metrics.csv</c>-shaped rows (with a <c>system</c> column) to a CSV writer.</summary>
    public static void WriteMetrics(CsvHelper.CsvWriter csv, string system, IEnumerable<ThemeMetrics> metrics, bool header)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(metrics);
        if (header)
        {
            csv.WriteRow("system", "theme", "lang", "precision", "recall", "f1", "support", "true_positives", "false_positives", "false_negatives");
        }

        foreach (var m in metrics)
        {
            csv.WriteRow(system, m.Theme, m.Language, m.Precision, m.Recall, m.F1, m.Support, m.TruePositives, m.FalsePositives, m.FalseNegatives);
        }
    }

    /// <summary>Writes <c>cv_metrics.csv</c> and <c>cv_predictions.csv</c> (out-of-fold probabilities with fold numbers) atomically.</summary>
    public static void WriteCrossValidation(string directory, TrainingResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var output = OutputDirectory.Open(directory);
        using (var csv = CsvReport.Create(output.Stage("cv_metrics.csv")))
        {
            WriteMetrics(csv, "classifier", result.Model.Card.CrossValidation, header: true);
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
            WriteMetrics(csv, "classifier", evaluation.Classifier, header: true);
            if (evaluation.Lexicon is not null)
            {
                WriteMetrics(csv, "lexicon", evaluation.Lexicon, header: false);
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

    /// <summary>Prints a metrics table (per theme, micro, macro; all and per language).</summary>
    public static void PrintMetrics(TextWriter output, IReadOnlyList<ThemeMetrics> metrics, IReadOnlyDictionary<string, double>? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var language in metrics.Select(m => m.Language).Distinct())
        {
            output.WriteLine($"  [{language}] theme               precision  recall     f1  support{(thresholds is null ? "" : "  threshold")}");
            foreach (var m in metrics.Where(m => m.Language == language))
            {
                var threshold = thresholds is not null && thresholds.TryGetValue(m.Theme, out var th) ? th.ToString("F2", CultureInfo.InvariantCulture) : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"        {m.Theme,-19} {m.Precision,9:F3} {m.Recall,7:F3} {m.F1,6:F3} {m.Support,8}  {threshold}"));
            }
        }
    }
}
