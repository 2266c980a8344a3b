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
        var inputs = new JobInputs(options.Inputs, options.Output, options.Ingestion);
        var documents = inputs.Read(cancellationToken);
        using var output = OutputDirectory.Open(options.Output);
        var (count, passages) = (0, 0L);
        using (var writer = new PassageReportWriter(output, _model.Themes))
        {
            foreach (var (document, classified) in new DocumentClassifier(_model, options.Unit).Classify(documents, cancellationToken))
            {
                count++;
                passages += classified.Count;
                writer.Add(document, classified);
            }
        }

        output.Commit();
        return new PassageResult(count, passages, (int)Math.Min(passages, int.MaxValue), inputs.Problems.All);
    }
}
