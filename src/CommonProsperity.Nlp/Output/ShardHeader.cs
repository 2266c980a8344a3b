using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// What a shard of a split run records besides its documents (<c>partial.json</c>): enough for
/// <c>cpnlp merge</c> to check that the shards belong together and to rebuild the manifest and every
/// report of a single run.
/// </summary>
/// <param name="ToolVersion">The version of the tool that ran the shard.</param>
/// <param name="Shard">Which shard this is.</param>
/// <param name="StartedUtc">When the shard started.</param>
/// <param name="Options">The run's options, by name, as a manifest lists them.</param>
/// <param name="Lexicon">The lexicon, whole (the merge needs its themes and terms, not the file).</param>
/// <param name="Files">How many input files the run listed in all (over every shard).</param>
/// <param name="FilesSha256">A fingerprint of that list (each file's relative path and content SHA-256, in order): equal in every shard of one run.</param>
/// <param name="FileHashes">The list itself: each input file's relative path and content SHA-256, in listing order (index = file index); written to <c>partial_files.jsonl</c>, not <c>partial.json</c>.</param>
/// <param name="ListingSkipped">Inputs passed over while listing the files (the same in every shard).</param>
/// <param name="Skipped">This shard's files, documents and records passed over, with their file index.</param>
/// <param name="Inputs">This shard's files as the manifest lists them, with their file index.</param>
/// <param name="Warnings">Warnings from reading metadata, with the index of the file that led to them.</param>
/// <param name="Documents">Documents analysed by this shard.</param>
/// <param name="Tokens">Their tokens.</param>
/// <param name="Characters">Their characters.</param>
/// <param name="TimingsMs">This shard's wall-clock milliseconds by stage.</param>
internal sealed record ShardHeader(
    string ToolVersion,
    ShardSpec Shard,
    DateTimeOffset StartedUtc,
    IReadOnlyList<KeyValuePair<string, string?>> Options,
    Lexicon Lexicon,
    int Files,
    string FilesSha256,
    IReadOnlyList<KeyValuePair<string, string>> FileHashes,
    IReadOnlyList<Problem> ListingSkipped,
    IReadOnlyList<FileTagged<Problem>> Skipped,
    IReadOnlyList<FileTagged<InputFileRecord>> Inputs,
    IReadOnlyList<FileTagged<string>> Warnings,
    int Documents,
    long Tokens,
    long Characters,
    IReadOnlyList<KeyValuePair<string, long>> TimingsMs)
{
    /// <summary>What the shard's evidence rows hold, as its options record it (<see cref="EvidenceMode.Full"/> when they do not).</summary>
    public EvidenceMode Evidence => EvidenceModeNames.Of(Options) ?? EvidenceMode.Full;

    /// <summary>The format written in <c>partial.json</c>; a merge refuses any other.</summary>
    public const string Format = "cpnlp-partial/5";
}
