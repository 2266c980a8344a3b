using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>classify</c>: the passages of documents classified by theme with a trained model, streamed into
/// <c>passages.csv</c> and <c>theme_frequency_classifier.csv</c>, written atomically (all or nothing).
/// </summary>
/// <param name="model">The model.</param>
public sealed class ClassifyJob(ThemeModel model)
{
    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Classifies the inputs and writes the reports to <see cref="PassageOptions.Output"/>.</summary>
    public PassageResult Run(PassageOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Ingestion);
        var inputs = new JobInputs(options.Inputs, options.Output, options.Ingestion);
        var documents = inputs.Read(cancellationToken);
        using var output = OutputDirectory.Open(options.Output);
        var (count, passages) = (0, 0L);
        var themes = _model.Themes;
        using (var writer = new PassageReportWriter(output, themes))
        {
            // Each document's rows are formatted where it was classified (on every core for the shipped model) and written here, in order;
            // a document classified in windows writes its passages window by window, then its frequency rows.
            var classifier = new DocumentClassifier(_model, options.Unit, windowCharacters: options.WindowCharacters);
            var classified = classifier.Classify(
                documents,
                // Each document's text is released once its rows are formatted: a large PDF's temporary file is deleted then, not when it is collected.
                (document, found) =>
                {
                    var rows = PassageReportWriter.Format(document, found, themes);
                    document.ReturnText();
                    return (found.Count, Rows: rows);
                },
                document =>
                {
                    try
                    {
                        var tally = new PassageReportWriter.PassageTally(themes);
                        foreach (var window in classifier.ClassifyInWindows(document, cancellationToken))
                        {
                            tally.Add(window);
                            writer.Add(new PassageReportWriter.Rows(PassageReportWriter.FormatPassages(window, themes), new CsvRowBuffer(16)));
                        }

                        return (tally.Count, Rows: new PassageReportWriter.Rows(new CsvRowBuffer(16), PassageReportWriter.FormatFrequency(document, tally, themes)));
                    }
                    finally
                    {
                        document.ReturnText();
                    }
                },
                cancellationToken);
            foreach (var (found, rows) in classified)
            {
                count++;
                passages += found;
                writer.Add(rows);
            }
        }

        output.Commit();
        return new PassageResult(count, passages, (int)Math.Min(passages, int.MaxValue), inputs.Problems.All);
    }
}
