using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>collocations</c>: the strongest adjacent pairs of words or Chinese characters, the phrases a lexicon may lack.</summary>
/// <param name="lexicon">The lexicon of the run (its warnings are reported; its themes go into the manifest).</param>
public sealed class CollocationsJob(Lexicon lexicon)
{
    private readonly DiscoveryRun _run = new(lexicon);

    /// <summary>
    /// The strongest collocations (adjacent pairs, by G² or PMI) of the inputs (per group of
    /// <paramref name="by"/>, when given) and <c>collocations.csv</c>.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion.</param>
    /// <param name="by">The metadata field to group by, or null for one group of all documents.</param>
    /// <param name="phrases">Units, minimum count, how many, ranking.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DiscoveryResult<IReadOnlyList<Collocation>> Run(DiscoveryOptions options, string? by, PhraseOptions phrases, CancellationToken cancellationToken = default) =>
        PhraseRun.Run(_run, "collocations", ReportFiles.Collocations, options, by, phrases, p => new("rank", p.Ranking.ToString().ToLowerInvariant()),
            groups => PhraseFinder.Default.Collocations(groups, phrases, cancellationToken),
            (path, groupBy, found) => PhraseReports.WriteCollocations(path, found.Select(x => new PhraseReports.CollocationRow(groupBy, phrases.Unit, x))),
            cancellationToken);
}
