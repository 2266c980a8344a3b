using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>kwic</c>: every match of the lexicon's terms in its context, or a sample of them to check by hand.</summary>
/// <param name="lexicon">The terms to find: search terms, or one theme's terms of a lexicon.</param>
public sealed class KwicJob(Lexicon lexicon)
{
    private readonly DiscoveryRun _run = new(lexicon);

    /// <summary>
    /// A concordance of the lexicon's terms (search terms, or one theme's terms): <c>kwic.csv</c>, every
    /// match or a seeded random sample of them with an empty <c>correct</c> column for hand checking.
    /// </summary>
    public DiscoveryResult<ConcordanceResult> Run(DiscoveryOptions options, ConcordanceOptions concordance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concordance);
        concordance.Validate();
        KeyValuePair<string, string?>[] settings =
        [
            new("terms", string.Join(";", _run.Themes)), new("context", DiscoveryRun.Invariant(concordance.Context)),
            new("sample", concordance.Sample is { } size ? DiscoveryRun.Invariant(size) : null), new("seed", concordance.Sample is null ? null : DiscoveryRun.Invariant(concordance.Seed)),
        ];
        return _run.Run("kwic", options, settings, cancellationToken,
            (corpus, _) =>
            {
                var all = Concordance.Find(corpus.Documents, _run.Folding, concordance.Themed, cancellationToken);
                var lines = concordance.Sample is { } size ? Concordance.Sample(all, size, concordance.Seed) : all;
                return new ConcordanceResult(all.Count, ConcordanceReport.Format(lines, concordance.Context), concordance.Sample is not null);
            },
            (output, result) =>
            {
                ConcordanceReport.Write(output.Stage(ReportFiles.Kwic), result.Lines, result.Sampled);
                return [ReportFiles.Kwic];
            });
    }
}
