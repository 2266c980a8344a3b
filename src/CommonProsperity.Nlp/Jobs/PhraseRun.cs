using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What <see cref="NgramsJob"/> and <see cref="CollocationsJob"/> share: the groups of documents and the settings of the manifest.</summary>
internal static class PhraseRun
{
    /// <summary>The name of the one group when the documents are not grouped.</summary>
    public const string AllGroup = "all";

    /// <summary>
    /// Runs a phrase job: checks <paramref name="phrases"/>, groups the documents by <paramref name="by"/> (or
    /// one group of all), finds the phrases of each group and writes them to <paramref name="file"/>.
    /// </summary>
    /// <param name="run">The discovery run.</param>
    /// <param name="command">The command's name, for the manifest.</param>
    /// <param name="file">The report's name.</param>
    /// <param name="options">Inputs, output folder, ingestion.</param>
    /// <param name="by">The metadata field to group by, or null for one group of all documents.</param>
    /// <param name="phrases">Units, sizes, minimum count, how many, ranking.</param>
    /// <param name="setting">The job's own setting, for the manifest, from the checked <paramref name="phrases"/>.</param>
    /// <param name="find">The phrases of the groups.</param>
    /// <param name="write">Writes the phrases to a path, each row with the grouping's name.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static DiscoveryResult<IReadOnlyList<T>> Run<T>(DiscoveryRun run, string command, string file, DiscoveryOptions options, string? by, PhraseOptions phrases,
        Func<PhraseOptions, KeyValuePair<string, string?>> setting, Func<IReadOnlyList<DocumentGroup>, IReadOnlyList<T>> find, Action<string, string, IReadOnlyList<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        phrases.Validate();
        var groupBy = GroupName(by);
        return run.Run(command, options, Settings(by, phrases, [setting(phrases)]), cancellationToken,
            (corpus, warnings) => find(Groups(corpus.Documents, by, warnings)),
            (output, found) =>
            {
                write(output.Stage(file), groupBy, found);
                return [file];
            });
    }

    /// <summary>The name of the grouping field as the reports give it (<c>all</c> when not grouped).</summary>
    private static string GroupName(string? by) => string.IsNullOrWhiteSpace(by) ? AllGroup : by.Trim().ToLowerInvariant();

    /// <summary>The groups of <paramref name="documents"/> by <paramref name="by"/>, or one group of all.</summary>
    private static IReadOnlyList<DocumentGroup> Groups(IReadOnlyList<Document> documents, string? by, List<string> warnings) =>
        string.IsNullOrWhiteSpace(by) ? [new DocumentGroup(AllGroup, documents)] : DocumentFields.Group(documents, by, warnings, minimumGroups: 1);

    /// <summary>The settings of a phrase run, as the manifest lists them.</summary>
    private static KeyValuePair<string, string?>[] Settings(string? by, PhraseOptions phrases, KeyValuePair<string, string?>[] more) =>
    [
        new("by", by), new("unit", PhraseReports.UnitName(phrases.Unit)), new("min_count", DiscoveryRun.Invariant(phrases.MinCount)), new("top", DiscoveryRun.Invariant(phrases.Top)),
        new("stop_words", phrases.KeepStopWords ? "kept" : "removed"), new("language", phrases.Language), .. more,
    ];
}
