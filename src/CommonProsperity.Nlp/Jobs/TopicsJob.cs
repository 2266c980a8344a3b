using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>topics</c>: an LDA topic model of the inputs, each topic labelled with its nearest theme of the lexicon.</summary>
/// <param name="lexicon">The lexicon whose themes label the topics.</param>
public sealed class TopicsJob(Lexicon lexicon)
{
    private readonly DiscoveryRun _run = new(lexicon);

    /// <summary>Fits a topic model and writes <c>topics.csv</c>, <c>document_topics.csv</c> and the document × topic chart.</summary>
    /// <param name="options">Inputs, output folder, ingestion, charts.</param>
    /// <param name="topics">The model's settings.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DiscoveryResult<TopicModel> Run(DiscoveryOptions options, TopicOptions topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        topics.Validate();
        KeyValuePair<string, string?>[] settings =
        [
            new("topics", DiscoveryRun.Invariant(topics.Topics)), new("seed", DiscoveryRun.Invariant(topics.Seed)), new("terms", DiscoveryRun.Invariant(topics.TermsPerTopic)),
            new("passage_words", DiscoveryRun.Invariant(topics.PassageWords)), new("min_count", DiscoveryRun.Invariant(topics.MinWordCount)),
            new("iterations", DiscoveryRun.Invariant(topics.Iterations)), new("language", topics.Language),
        ];
        return _run.Run("topics", options, settings, cancellationToken,
            (corpus, _) => new TopicModeler(WordExtractor.Default, new TermThemes(_run.Matcher(options), StopWords.Default)).Fit(corpus.Documents, topics, cancellationToken),
            (output, model) => options.Charts ? DiscoveryCharts.Topics(output, model, topics.Seed) : [],
            model => [DiscoveryReports.Topics(model), DiscoveryReports.DocumentTopics(model)]);
    }
}
