using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>classify</c>: the passages of documents classified by theme with a trained model, streamed into
/// <c>passages.csv</c> and <c>theme_frequency_classifier.csv</c>, written atomically (all or nothing).
/// A document that cannot be read is skipped (one problem naming it), with none of its rows in the reports.
/// </summary>
/// <param name="model">The model.</param>
public sealed class ClassifyJob(ThemeModel model)
{
    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Called after each window's passage rows of a document classified in windows are written (tests change its file there, part-way through it).</summary>
    internal Action<Document>? WindowWritten { get; init; }

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
            var classifier = new DocumentClassifier(_model, options.Unit, windowCharacters: options.WindowCharacters) { MaxWindowCharacters = options.MaxWindowCharacters, MaxPassageCharacters = options.MaxPassageCharacters };
            var classified = classifier.Classify<(int Found, PassageReportWriter.Rows? Rows)>(
                documents,
                // Each document's text is released once its rows are formatted: a large PDF's temporary file is deleted then, not when it is collected.
                (document, found) =>
                {
                    var rows = PassageReportWriter.Format(document, found, themes);
                    document.ReturnText();
                    return (found.Count, rows);
                },
                document => ClassifyInWindows(document, classifier, writer, inputs.Problems, cancellationToken),
                cancellationToken);
            foreach (var (found, rows) in classified)
            {
                if (rows is null)
                {
                    continue; // skipped, its problem reported
                }

                count++;
                passages += found;
                writer.Add(rows);
            }
        }

        if (count == 0)
        {
            // Every document read was skipped while it was classified in windows: as when none could be read, nothing is written.
            throw DocumentSource.NoneRead(inputs.FilesFound, inputs.Problems.Skipped);
        }

        output.Commit();
        return new PassageResult(count, passages, (int)Math.Min(passages, int.MaxValue), inputs.Problems.All);
    }

    /// <summary>
    /// Classifies a document read in windows, its passage rows written window by window (they are never all
    /// held), then gives its frequency rows. A document that cannot be read to its end (its file changed
    /// between the readings, a stretch with no place to cut it, a byte that no longer decodes) is skipped,
    /// its problem reported to <paramref name="problems"/>, and the rows of it already written are taken back
    /// out (<see cref="PassageReportWriter.TakeBack"/>): the reports hold it whole or not at all.
    /// </summary>
    private (int Found, PassageReportWriter.Rows? Rows) ClassifyInWindows(Document document, DocumentClassifier classifier, PassageReportWriter writer, ProblemLog problems, CancellationToken cancellationToken)
    {
        var start = writer.PassagesWritten;
        try
        {
            var tally = new PassageReportWriter.PassageTally(_model.Themes);
            if (!classifier.TryClassifyInWindows(document, problems, window =>
            {
                tally.Add(window);
                writer.Add(new PassageReportWriter.Rows(PassageReportWriter.FormatPassages(window, _model.Themes), new CsvRowBuffer(16)));
                WindowWritten?.Invoke(document);
            }, cancellationToken))
            {
                writer.TakeBack(start);
                return (0, null);
            }

            return (tally.Count, new PassageReportWriter.Rows(new CsvRowBuffer(16), PassageReportWriter.FormatFrequency(document, tally, _model.Themes)));
        }
        finally
        {
            document.ReturnText();
        }
    }
}
