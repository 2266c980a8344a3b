using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The reports of <c>classify</c>: <c>passages.csv</c> (one row per passage, streamed) and
/// <c>theme_frequency_classifier.csv</c> (per document and theme, the share of passages with the
/// theme), written atomically through <see cref="OutputDirectory"/>.
/// </summary>
public static class PassageReportWriter
{
    /// <summary>What a classify run did.</summary>
    /// <param name="Documents">Documents classified.</param>
    /// <param name="Passages">Passages classified.</param>
    /// <param name="Problems">Inputs passed over and warnings (metadata), in order.</param>
    public sealed record Result(int Documents, long Passages, IReadOnlyList<Problem> Problems);

    /// <summary>Classifies the inputs and writes the reports.</summary>
    public static Result Run(ThemeModel model, PassageUnit unit, IReadOnlyList<string> inputs, string outputDirectory, IngestionOptions ingestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(ingestion);
        DocumentSource.RefuseOutputInside(inputs, outputDirectory);
        var source = new DocumentSource(ingestion.Excluding(outputDirectory));
        var problems = new ProblemLog();
        var files = source.Discover(inputs, problems);
        if (files.Count == 0)
        {
            throw source.NothingFound(inputs, problems.Skipped);
        }

        var themes = model.Themes;
        using var output = OutputDirectory.Open(outputDirectory);
        var documents = 0;
        long passageCount = 0;
        var frequencyPath = output.Stage("theme_frequency_classifier.csv");
        using (var passagesCsv = CsvReport.Create(output.Stage("passages.csv")))
        using (var frequencyCsv = CsvReport.Create(frequencyPath))
        {
            var header = new List<object?> { "document", "passage", "start", "end", "text", "themes" };
            header.AddRange(themes.Select(t => $"{t}_p"));
            passagesCsv.WriteRow([.. header]);
            frequencyCsv.WriteRow("document", "theme", "passages_with_theme", "passages", "share", "mean_probability", "title", "date", "publisher", "language");
            var classifier = new DocumentClassifier(model, unit);
            foreach (var (document, passages) in classifier.Classify(source.Read(files, problems, cancellationToken), cancellationToken))
            {
                documents++;
                passageCount += passages.Count;
                foreach (var passage in passages)
                {
                    var row = new List<object?> { passage.Document, passage.Index, passage.Start, passage.End, passage.Text, string.Join(';', themes.Where(passage.Themes.Contains)) };
                    row.AddRange(passage.Probabilities.Select(p => (object?)(double)p));
                    passagesCsv.WriteRow([.. row]);
                }

                for (var t = 0; t < themes.Count; t++)
                {
                    var with = passages.Count(p => p.Themes.Contains(themes[t]));
                    var mean = passages.Count == 0 ? 0 : passages.Average(p => (double)p.Probabilities[t]);
                    frequencyCsv.WriteRow(document.Id, themes[t], with, passages.Count, passages.Count == 0 ? 0 : (double)with / passages.Count, mean,
                        document.Metadata.Title, document.Metadata.Date, document.Metadata.Publisher, document.Metadata.Language);
                }
            }
        }

        if (documents == 0)
        {
            throw DocumentSource.NoneRead(files.Count, problems.Skipped);
        }

        output.Commit();
        return new Result(documents, passageCount, problems.All);
    }
}
