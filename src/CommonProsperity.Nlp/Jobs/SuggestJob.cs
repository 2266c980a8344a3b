using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>suggest</c> (active learning): the passages a model is least sure of, written in the labelled-data
/// format with the model's themes filled in, for a person to correct and train on.
/// </summary>
/// <param name="model">The model.</param>
public sealed class SuggestJob(ThemeModel model)
{
    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Chooses up to <paramref name="count"/> passages of the inputs and writes them to the file <see cref="PassageOptions.Output"/>.</summary>
    public PassageResult Run(PassageOptions options, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Ingestion);
        var inputs = new JobInputs(options.Inputs, options.Output, options.Ingestion);
        var documents = inputs.Read(cancellationToken).ToList();
        List<(Ingestion.Document Document, IReadOnlyList<ClassifiedPassage> Passages)> classified;
        try
        {
            classified = new DocumentClassifier(_model, options.Unit).Classify(documents, cancellationToken).ToList();
        }
        finally
        {
            // A large PDF's temporary file is deleted once the passages are chosen from, not when the document is collected.
            documents.ForEach(document => document.ReturnText());
        }

        var languages = classified.ToDictionary(c => c.Document.Id, c => c.Document.Metadata.Language ?? "und", StringComparer.Ordinal);
        var chosen = UncertaintySampler.Select(classified.SelectMany(c => c.Passages), _model, count);
        SuggestionWriter.Write(options.Output, _model, chosen, languages);
        return new PassageResult(documents.Count, classified.Sum(c => (long)c.Passages.Count), chosen.Count, inputs.Problems.All);
    }
}
