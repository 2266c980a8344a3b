using System.Globalization;
using System.Text.Json.Serialization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The shape of a shard's <c>partial.json</c> (<see cref="ShardHeader"/>), declared once: System.Text.Json
/// writes and reads it through the source-generated <see cref="ReportJsonContext"/> (snake_case names,
/// properties in declaration order). Inputs and skips have the manifest's shape, with their file index.
/// <c>document_numbers</c> names the numbers each line of <c>partial_documents.jsonl</c> holds (the
/// declarations of <see cref="Counting.DocumentNumbers"/> when the shard ran): a merge refuses a shard
/// that lists others, so that a new per-document number cannot be merged from shards that lack it.
/// </summary>
internal sealed record PartialJson(
    string Format,
    string Tool,
    string Version,
    IReadOnlyList<string> DocumentNumbers,
    PartialJson.ShardJson Shard,
    string StartedUtc,
    Dictionary<string, string?> Options,
    PartialJson.WholeLexiconJson Lexicon,
    PartialJson.FilesJson Files,
    IReadOnlyList<ManifestJson.SkipJson> ListingSkipped,
    IReadOnlyList<ManifestJson.SkipJson> Skipped,
    IReadOnlyList<ManifestJson.InputJson> Inputs,
    IReadOnlyList<PartialJson.WarningJson> Warnings,
    int Documents,
    long Tokens,
    long Characters,
    Dictionary<string, long> TimingsMs)
{
    /// <summary>The JSON of <paramref name="header"/>.</summary>
    public static PartialJson Of(ShardHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var lexicon = header.Lexicon;
        return new PartialJson(
            ShardHeader.Format,
            "cpnlp",
            header.ToolVersion,
            [.. Counting.DocumentNumbers.All.Select(n => n.Name)],
            new ShardJson(header.Shard.Index, header.Shard.Count),
            header.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ManifestWriter.InOrder(header.Options),
            new WholeLexiconJson(
                lexicon.Source,
                lexicon.Sha256,
                lexicon.Themes,
                [.. lexicon.Terms.Select(t => new TermJson(t.Theme, t.Term, t.Language, t.Note, t.Line, t.Exclude, t.Weight))],
                lexicon.Warnings,
                lexicon.ThemeLabels is { } labels ? ManifestWriter.InOrder(labels.OrderBy(l => l.Key, StringComparer.Ordinal)) : null),
            new FilesJson(header.Files, header.FilesSha256),
            [.. header.ListingSkipped.Select(s => new ManifestJson.SkipJson(s.File, s.Text))],
            [.. header.Skipped.Select(s => new ManifestJson.SkipJson(s.Value.File, s.Value.Text, s.File))],
            [.. header.Inputs.Select(i => ManifestJson.InputJson.Of(i.File, i.Value))],
            [.. header.Warnings.Select(w => new WarningJson(w.File, w.Value))],
            header.Documents,
            header.Tokens,
            header.Characters,
            ManifestWriter.InOrder(header.TimingsMs));
    }

    /// <summary>
    /// The header this JSON records (not yet checked for sense), with the run's list of input files
    /// <paramref name="listing"/> (kept in <c>partial_files.jsonl</c>, not here) and, when another shard's
    /// header recorded the same lexicon, that <paramref name="lexicon"/> instead of a copy.
    /// </summary>
    /// <exception cref="FormatException">A file index is missing, or the start time is not a time.</exception>
    public ShardHeader ToHeader(IReadOnlyList<KeyValuePair<string, string>> listing, Lexicon? lexicon = null) => new(
        Version,
        new ShardSpec(Shard.Index, Shard.Count),
        DateTimeOffset.Parse(StartedUtc, CultureInfo.InvariantCulture),
        [.. Options],
        lexicon ?? new Lexicon(
            Lexicon.Themes,
            [.. Lexicon.Terms.Select(t => new LexiconTerm(t.Theme, t.Term, t.Lang, t.Note, t.Line, t.Exclude, t.Weight))],
            Lexicon.Source,
            Lexicon.Sha256,
            Lexicon.Warnings,
            Lexicon.ThemeLabels is { } labels ? new Dictionary<string, string>(labels, StringComparer.Ordinal) : null),
        Files.Count,
        Files.Sha256,
        listing,
        [.. ListingSkipped.Select(s => Problem.Skipped(s.Path, s.Reason))],
        [.. Skipped.Select(s => new FileTagged<Problem>(Index(s.File), Problem.Skipped(s.Path, s.Reason)))],
        [.. Inputs.Select(i => new FileTagged<InputFileRecord>(Index(i.File), new InputFileRecord(i.Path, i.Bytes, i.Sha256, i.Format, i.Encoding, i.Documents, i.EncodingBy)))],
        [.. Warnings.Select(w => new FileTagged<string>(w.File, w.Message))],
        Documents,
        Tokens,
        Characters,
        [.. TimingsMs]);

    private static int Index(int? file) => file ?? throw new FormatException("an entry has no file index.");

    /// <summary>Which shard of how many.</summary>
    internal sealed record ShardJson(int Index, int Count);

    /// <summary>The lexicon, whole: a merge needs its themes and terms, not its file (<c>theme_labels</c> only for a lexicon with labels).</summary>
    internal sealed record WholeLexiconJson(
        string Source,
        string Sha256,
        IReadOnlyList<string> Themes,
        IReadOnlyList<TermJson> Terms,
        [property: JsonPropertyOrder(2)] IReadOnlyList<string> Warnings,
        [property: JsonPropertyOrder(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Dictionary<string, string>? ThemeLabels = null);

    /// <summary>A lexicon term; <c>exclude</c> and <c>weight</c> only when it has them.</summary>
    internal sealed record TermJson(
        string Theme,
        string Term,
        string? Lang,
        string? Note,
        int Line,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Exclude = null,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Weight = null);

    /// <summary>The run's input files: how many and their fingerprint (the list itself is <c>partial_files.jsonl</c>, whose hash the fingerprint is).</summary>
    internal sealed record FilesJson(int Count, string Sha256);

    /// <summary>A warning with the index of the file that led to it.</summary>
    internal sealed record WarningJson(int File, string Message);
}
