using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>suggest</c> (active learning): the passages a model is least sure of, written in the labelled-data
/// format with the model's themes filled in, for a person to correct and train on. A document that cannot
/// be read is skipped (one problem naming it), with none of its passages among those chosen from.
/// </summary>
/// <param name="model">The model.</param>
public sealed class SuggestJob(ThemeModel model)
{
    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Called after each window's passages of a document classified in windows are taken (tests change its file there, part-way through it).</summary>
    internal Action<Document>? WindowClassified { get; init; }

    /// <summary>Chooses up to <paramref name="count"/> passages of the inputs and writes them to the file <see cref="PassageOptions.Output"/>.</summary>
    public PassageResult Run(PassageOptions options, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Ingestion);
        var inputs = new JobInputs(options.Inputs, options.Output, options.Ingestion);
        var documents = inputs.Read(cancellationToken).ToList();
        List<(Document Document, IReadOnlyList<ClassifiedPassage> Passages)> classified;
        try
        {
            var classifier = new DocumentClassifier(_model, options.Unit, windowCharacters: options.WindowCharacters) { MaxWindowCharacters = options.MaxWindowCharacters };
            classified = [.. classifier.Classify<(Document Document, IReadOnlyList<ClassifiedPassage>? Passages)>(
                    documents,
                    (document, passages) => (document, passages),
                    document => (document, ClassifyInWindows(document, classifier, inputs.Problems, cancellationToken)),
                    cancellationToken)
                .Where(c => c.Passages is not null) // null: skipped, its problem reported
                .Select(c => (c.Document, c.Passages!))];
        }
        finally
        {
            // A large PDF's temporary file is deleted once the passages are chosen from, not when the document is collected.
            documents.ForEach(document => document.ReturnText());
        }

        if (classified.Count == 0)
        {
            // Every document read was skipped while it was classified in windows: as when none could be read, nothing is written.
            throw DocumentSource.NoneRead(inputs.FilesFound, inputs.Problems.Skipped);
        }

        var languages = classified.ToDictionary(c => c.Document.Id, c => c.Document.Metadata.Language ?? "und", StringComparer.Ordinal);
        var chosen = UncertaintySampler.Select(classified.SelectMany(c => c.Passages), _model, count);
        SuggestionWriter.Write(options.Output, _model, chosen, languages);
        return new PassageResult(classified.Count, classified.Sum(c => (long)c.Passages.Count), chosen.Count, inputs.Problems.All);
    }

    /// <summary>
    /// The passages of a document read in windows, or null when it cannot be read to its end (its file changed
    /// between the readings, a stretch with no place to cut it, a byte that no longer decodes): it is skipped, its
    /// problem reported to <paramref name="problems"/>, and none of its passages are chosen from.
    /// </summary>
    private List<ClassifiedPassage>? ClassifyInWindows(Document document, DocumentClassifier classifier, ProblemLog problems, CancellationToken cancellationToken)
    {
        var passages = new List<ClassifiedPassage>();
        return classifier.TryClassifyInWindows(document, problems, window =>
        {
            passages.AddRange(window);
            WindowClassified?.Invoke(document);
        }, cancellationToken) ? passages : null;
    }
}
