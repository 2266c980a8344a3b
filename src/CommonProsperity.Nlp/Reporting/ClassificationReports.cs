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
