using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>The phrase jobs, <c>ngrams</c> and <c>collocations</c>: the phrases a lexicon may lack.</summary>
public sealed partial class DiscoveryPipeline
{
    /// <summary>The name of the one group when the documents are not grouped.</summary>
    internal const string AllGroup = "all";

    /// <summary>
    /// The most frequent n-grams of the inputs (per group of <paramref name="by"/>, when given) and
    /// <c>ngrams.csv</c>.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion.</param>
    /// <param name="by">The metadata field to group by, or null for one group of all documents.</param>
    /// <param name="phrases">Units, sizes, minimum count, how many.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DiscoveryResult<IReadOnlyList<Ngram>> RunNgrams(DiscoveryOptions options, string? by, PhraseOptions phrases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        phrases.Validate();
        var groupBy = GroupName(by);
        return Run("ngrams", options, PhraseSettings(by, phrases, [new("sizes", Invariant(phrases.MinSize) + ".." + Invariant(phrases.MaxSize))]), cancellationToken,
            (corpus, warnings) => PhraseFinder.Default.Ngrams(PhraseGroups(corpus.Documents, by, warnings), phrases, cancellationToken),
            (output, ngrams) =>
            {
                PhraseReports.WriteNgrams(output.Stage(ReportFiles.Ngrams), ngrams.Select(n => new PhraseReports.NgramRow(groupBy, phrases.Unit, n)));
                return [ReportFiles.Ngrams];
            });
    }

    /// <summary>
    /// The strongest collocations (adjacent pairs, by G² or PMI) of the inputs (per group of
    /// <paramref name="by"/>, when given) and <c>collocations.csv</c>.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion.</param>
    /// <param name="by">The metadata field to group by, or null for one group of all documents.</param>
    /// <param name="phrases">Units, minimum count, how many, ranking.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public DiscoveryResult<IReadOnlyList<Collocation>> RunCollocations(DiscoveryOptions options, string? by, PhraseOptions phrases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        phrases.Validate();
        var groupBy = GroupName(by);
        return Run("collocations", options, PhraseSettings(by, phrases, [new("rank", phrases.Ranking.ToString().ToLowerInvariant())]), cancellationToken,
            (corpus, warnings) => PhraseFinder.Default.Collocations(PhraseGroups(corpus.Documents, by, warnings), phrases, cancellationToken),
            (output, collocations) =>
            {
                PhraseReports.WriteCollocations(output.Stage(ReportFiles.Collocations), collocations.Select(c => new PhraseReports.CollocationRow(groupBy, phrases.Unit, c)));
                return [ReportFiles.Collocations];
            });
    }

    private static string GroupName(string? by) => string.IsNullOrWhiteSpace(by) ? AllGroup : by.Trim().ToLowerInvariant();

    private static IReadOnlyList<DocumentGroup> PhraseGroups(IReadOnlyList<Document> documents, string? by, List<string> warnings) =>
        string.IsNullOrWhiteSpace(by) ? [new DocumentGroup(AllGroup, documents)] : DocumentFields.Group(documents, by, warnings, minimumGroups: 1);

    private static KeyValuePair<string, string?>[] PhraseSettings(string? by, PhraseOptions phrases, KeyValuePair<string, string?>[] more) =>
    [
        new("by", by), new("unit", PhraseReports.UnitName(phrases.Unit)), new("min_count", Invariant(phrases.MinCount)), new("top", Invariant(phrases.Top)),
        new("stop_words", phrases.KeepStopWords ? "kept" : "removed"), new("language", phrases.Language), .. more,
    ];
}
