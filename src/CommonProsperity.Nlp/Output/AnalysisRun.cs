using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// What an <c>analyze</c> (or <c>merge</c>) run did, handed to its <see cref="IDocumentReportSink"/> at the
/// end: the report writer turns it into <c>manifest.json</c> (<see cref="Manifest"/>), the shard writer into
/// <c>partial.json</c> (<see cref="ShardHeader"/>), both from this one record.
/// </summary>
/// <param name="Command">The command that ran.</param>
/// <param name="ToolVersion">The tool's version.</param>
/// <param name="StartedUtc">When the run started.</param>
/// <param name="Options">The options, by name, as given.</param>
/// <param name="Lexicon">The lexicon counted.</param>
/// <param name="Listing">The problems of listing the inputs (the same in every shard of a run).</param>
/// <param name="Problems">Every problem of the run, in order: the lexicon's warnings, the listing's, each file's, then the run's own (fonts).</param>
/// <param name="FileProblems">Each file's problems, tagged with the file's index in the run's list of files.</param>
/// <param name="Inputs">The files read, tagged the same way.</param>
/// <param name="Documents">Documents analysed.</param>
/// <param name="Tokens">Tokens counted.</param>
/// <param name="Characters">Characters analysed.</param>
/// <param name="TimingsMs">Wall-clock milliseconds by stage.</param>
internal sealed record AnalysisRun(
    string Command,
    string ToolVersion,
    DateTimeOffset StartedUtc,
    IReadOnlyList<KeyValuePair<string, string?>> Options,
    Lexicon Lexicon,
    IReadOnlyList<Problem> Listing,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<FileTagged<Problem>> FileProblems,
    IReadOnlyList<FileTagged<InputFileRecord>> Inputs,
    int Documents,
    long Tokens,
    long Characters,
    IReadOnlyList<KeyValuePair<string, long>> TimingsMs)
{
    /// <summary>The manifest of this run, over <paramref name="themes"/>.</summary>
    public RunManifest Manifest(IReadOnlyList<string> themes) => new(
        Command, ToolVersion, StartedUtc, Options, Lexicon.Source, Lexicon.Sha256, Lexicon.Terms.Count, themes,
        [.. Inputs.Select(i => i.Value)], Problems.Skipped(), [.. Problems.Warnings().Select(w => w.Text)], Documents, Tokens, Characters, TimingsMs, Lexicon.ThemeLabels);

    /// <summary>The header of shard <paramref name="shard"/> of this run, whose input files (over every shard) are <paramref name="fileHashes"/> with the fingerprint <paramref name="filesSha256"/>.</summary>
    public ShardHeader ShardHeader(ShardSpec shard, string filesSha256, IReadOnlyList<KeyValuePair<string, string>> fileHashes) => new(
        ToolVersion, shard, StartedUtc, Options, Lexicon, fileHashes.Count, filesSha256, fileHashes, Listing.Skipped(),
        [.. FileProblems.Where(p => p.Value.Kind == ProblemKind.Skipped)], Inputs,
        [.. FileProblems.Where(p => p.Value.Kind == ProblemKind.Warning).Select(p => new FileTagged<string>(p.File, p.Value.Text))],
        Documents, Tokens, Characters, TimingsMs);
}
