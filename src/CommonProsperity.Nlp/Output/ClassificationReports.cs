using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The CSV reports of <c>train --report</c> and <c>evaluate</c>, their columns declared once: the writers,
/// the workbook and the column reference of docs/reports.md read them from here.
/// </summary>
internal static class ClassificationReports
{
    /// <summary>
    /// <c>metrics.csv</c> (and <c>cv_metrics.csv</c>): each column with how it is read off a metrics row and
    /// its interval (the interval columns are empty when no bootstrap was run, or when no resample defined the metric).
    /// </summary>
    public static ReportLayout<MetricsRow> Metrics { get; } = new(
        "metrics.csv",
        "`evaluate` (and, as `cv_metrics.csv`, `train` with a report folder): per system, per theme, then `micro` and `macro`, for `all` passages and per language.",
        [
            new("system", ColumnFormat.Text, "`classifier` or `lexicon`", r => r.System),
            new("theme", ColumnFormat.Text, "the theme id, or `micro` / `macro`", r => r.Metrics.Theme),
            new("lang", ColumnFormat.Text, "`all` or the passages' language", r => r.Metrics.Language),
            new("precision", ColumnFormat.Rate, "true positives / predicted positives", r => r.Metrics.Precision),
            new("precision_low", ColumnFormat.Rate, "the lower end of its 95% bootstrap interval (empty without one)", r => End(r.Intervals?.Precision.Low)),
            new("precision_high", ColumnFormat.Rate, "the upper end", r => End(r.Intervals?.Precision.High)),
            new("recall", ColumnFormat.Rate, "true positives / labelled positives", r => r.Metrics.Recall),
            new("recall_low", ColumnFormat.Rate, "the lower end of its 95% bootstrap interval", r => End(r.Intervals?.Recall.Low)),
            new("recall_high", ColumnFormat.Rate, "the upper end", r => End(r.Intervals?.Recall.High)),
            new("f1", ColumnFormat.Rate, "the harmonic mean of precision and recall", r => r.Metrics.F1),
            new("f1_low", ColumnFormat.Rate, "the lower end of its 95% bootstrap interval", r => End(r.Intervals?.F1.Low)),
            new("f1_high", ColumnFormat.Rate, "the upper end", r => End(r.Intervals?.F1.High)),
            new("support", ColumnFormat.Integer, "passages labelled with the theme", r => r.Metrics.Support),
            new("true_positives", ColumnFormat.Integer, "passages predicted and labelled", r => r.Metrics.TruePositives),
            new("false_positives", ColumnFormat.Integer, "passages predicted, not labelled", r => r.Metrics.FalsePositives),
            new("false_negatives", ColumnFormat.Integer, "passages labelled, not predicted", r => r.Metrics.FalseNegatives),
        ]);

    /// <summary><c>cv_predictions.csv</c>.</summary>
    public static ReportLayout<CrossValidatedRow> CrossValidatedPredictions { get; } = new(
        "cv_predictions.csv",
        "`train` with a report folder: one row per training passage, with the probabilities of the model that did not see its fold.",
        [
            new("id", ColumnFormat.Text, "the passage id", r => r.Passage.Id),
            new("document", ColumnFormat.Text, "its document", r => r.Passage.Document),
            new("lang", ColumnFormat.Text, "its language", r => r.Passage.Language),
            new("fold", ColumnFormat.Integer, "its cross-validation fold (all passages of a document share one)", r => r.Fold),
            new("gold", ColumnFormat.Text, "its labelled themes, `;`-separated, in the model's order", r => r.Gold),
            new("_p", ColumnFormat.Rate, "the out-of-fold probability of the theme", (r, t) => (double)r.Probabilities[t], PerTheme: true),
        ]);

    /// <summary><c>predictions.csv</c>.</summary>
    public static ReportLayout<PredictionRow> Predictions { get; } = new(
        "predictions.csv",
        "`evaluate`: one row per labelled passage.",
        [
            new("id", ColumnFormat.Text, "the passage id", r => r.Passage.Id),
            new("text", ColumnFormat.Text, "its text", r => r.Passage.Text),
            new("gold", ColumnFormat.Text, "its labelled themes, `;`-separated, in the model's order", r => r.Gold),
            new("predicted", ColumnFormat.Text, "the themes the model predicts", r => r.Predicted),
            new("_p", ColumnFormat.Rate, "the model's probability of the theme", (r, t) => (double)r.Probabilities[t], PerTheme: true),
            new("document", ColumnFormat.Text, "its document", r => r.Passage.Document),
            new("lang", ColumnFormat.Text, "its language", r => r.Passage.Language),
            new(LexiconPredicted, ColumnFormat.Text, "the themes the lexicon predicts (a theme when any of its terms match); only when a lexicon is evaluated too", r => r.LexiconPredicted),
        ]);

    /// <summary><c>confusions.csv</c>.</summary>
    public static ReportLayout<ConfusionRow> Confusions { get; } = new(
        "confusions.csv",
        "`evaluate`: per theme, the most confident false positives, then false negatives (the errors worth a look, where often the label is wrong).",
        [
            new("theme", ColumnFormat.Text, "the theme", r => r.Theme),
            new("kind", ColumnFormat.Text, "`false_positive` or `false_negative`", r => r.Kind),
            new("probability", ColumnFormat.Rate, "the model's probability of the theme", r => (double)r.Probability),
            new("threshold", ColumnFormat.Rate, "the theme's threshold", r => r.Threshold),
            new("id", ColumnFormat.Text, "the passage id", r => r.Passage.Id),
            new("gold", ColumnFormat.Text, "its labelled themes", r => r.Gold),
            new("predicted", ColumnFormat.Text, "the themes the model predicts", r => r.Predicted),
            new("text", ColumnFormat.Text, "its text", r => r.Passage.Text),
        ]);

    /// <summary>Every report declared here, in the order of docs/reports.md.</summary>
    public static IReadOnlyList<IReportLayout> All { get; } = [Metrics, CrossValidatedPredictions, Predictions, Confusions];

    private const string LexiconPredicted = "lexicon_predicted";

    /// <summary>The header of <c>metrics.csv</c>: <c>system</c>, then the metric columns.</summary>
    public static IReadOnlyList<string> MetricsHeader { get; } = [.. Metrics.Header([]).Select(h => (string)h!)];

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
            csv.WriteRow(Metrics.Row(new MetricsRow(system, metrics[k], intervals?[k]), 0));
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

        var themes = result.Model.Card.Themes;
        var order = themes.Select(t => t.Id).ToList();
        CrossValidatedPredictions.Table(
            result.Passages.Select((p, i) => new CrossValidatedRow(p, result.Folds[i], string.Join(';', p.Themes.OrderBy(order.IndexOf)), result.OutOfFold[i])),
            order).WriteCsv(output.Stage(CrossValidatedPredictions.File));
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

        var predictions = evaluation.LexiconPredicted is null ? Predictions with { Columns = [.. Predictions.Columns.Where(c => c.Name != LexiconPredicted)] } : Predictions;
        predictions.Table(
            passages.Select((p, i) => new PredictionRow(p, Join(p.Themes), Join(evaluation.Predicted[i]), evaluation.Probabilities[i], evaluation.LexiconPredicted is { } lexicon ? Join(lexicon[i]) : null)),
            themes).WriteCsv(output.Stage(Predictions.File));
        Confusions.Table(ConfusionRows(model, passages, evaluation, confusionsPerTheme, Join)).WriteCsv(output.Stage(Confusions.File));
        output.Commit();
    }

    /// <summary>Per theme, the most confident false positives, then the least confident false negatives.</summary>
    private static IEnumerable<ConfusionRow> ConfusionRows(ThemeModel model, IReadOnlyList<LabeledPassage> passages, ModelEvaluation evaluation, int perTheme, Func<IReadOnlySet<string>, string> join)
    {
        var themes = model.Themes;
        for (var t = 0; t < themes.Count; t++)
        {
            var theme = themes[t];
            var threshold = model.Card.Themes[t].Threshold;
            var falsePositives = Enumerable.Range(0, passages.Count).Where(i => evaluation.Predicted[i].Contains(theme) && !passages[i].Themes.Contains(theme))
                .OrderByDescending(i => evaluation.Probabilities[i][t]).Take(perTheme);
            var falseNegatives = Enumerable.Range(0, passages.Count).Where(i => !evaluation.Predicted[i].Contains(theme) && passages[i].Themes.Contains(theme))
                .OrderBy(i => evaluation.Probabilities[i][t]).Take(perTheme);
            foreach (var (kind, rows) in new[] { ("false_positive", falsePositives), ("false_negative", falseNegatives) })
            {
                foreach (var i in rows)
                {
                    yield return new ConfusionRow(theme, kind, evaluation.Probabilities[i][t], threshold, passages[i], join(passages[i].Themes), join(evaluation.Predicted[i]));
                }
            }
        }
    }

    /// <summary>A row of <c>metrics.csv</c>: a system's metrics of one theme and language, with their intervals when bootstrapped.</summary>
    internal sealed record MetricsRow(string System, ThemeMetrics Metrics, MetricIntervals? Intervals);

    /// <summary>A row of <c>cv_predictions.csv</c>.</summary>
    internal sealed record CrossValidatedRow(LabeledPassage Passage, int Fold, string Gold, float[] Probabilities);

    /// <summary>A row of <c>predictions.csv</c>.</summary>
    internal sealed record PredictionRow(LabeledPassage Passage, string Gold, string Predicted, float[] Probabilities, string? LexiconPredicted);

    /// <summary>A row of <c>confusions.csv</c>.</summary>
    internal sealed record ConfusionRow(string Theme, string Kind, float Probability, double Threshold, LabeledPassage Passage, string Gold, string Predicted);
}
