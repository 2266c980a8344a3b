using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>ngrams</c>: the most frequent n-grams of words or Chinese characters, the phrases a lexicon may lack.</summary>
/// <param name="lexicon">The lexicon of the run (its warnings are reported; its themes go into the manifest).</param>
public sealed class NgramsJob(Lexicon lexicon)
{
    private readonly DiscoveryRun _run = new(lexicon);

    /// <summary>
    /// The most frequent n-grams of the inputs (per group of <paramref name="by"/>, when given) and
    /// <c>ngrams.csv</c>.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion.</param>
    /// <param name="by">The metadata field to group by, or null for one group of all documents.</param>
    /// <param name="phrases">Units, sizes, minimum count, how many.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DiscoveryResult<IReadOnlyList<Ngram>> Run(DiscoveryOptions options, string? by, PhraseOptions phrases, CancellationToken cancellationToken = default) =>
        PhraseRun.Run(_run, "ngrams", ReportFiles.Ngrams, options, by, phrases, p => new("sizes", DiscoveryRun.Invariant(p.MinSize) + ".." + DiscoveryRun.Invariant(p.MaxSize)),
            groups => PhraseFinder.Default.Ngrams(groups, phrases, cancellationToken),
            (path, groupBy, found) => PhraseReports.WriteNgrams(path, found.Select(x => new PhraseReports.NgramRow(groupBy, phrases.Unit, x))),
            cancellationToken);
}
