using System.Diagnostics;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// The <c>merge</c> job: combines the partial results of the shards of a split run
/// (<c>analyze --shard I/N</c>) into the reports a single run gives, byte for byte. The shards'
/// documents are interleaved back into input order by their file index (each shard's are in that
/// order already, so this streams, one document per shard in memory), and fed to the same
/// <see cref="AnalysisReportWriter"/> a single run uses. Shards that do not belong together (another
/// lexicon, other options or input files, a shard missing or given twice) are refused before anything
/// is written.
/// </summary>
public sealed class ShardMerger
{
    /// <summary>
    /// Merges the shards in <paramref name="shardFolders"/> into reports in <paramref name="outputDirectory"/>,
    /// leaving the evidence in the shards' folders (<see cref="MergeEvidence.Parts"/>, the default).
    /// </summary>
    /// <exception cref="InputException">A folder holds no partial results, or they are damaged or do not belong with the others.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    public AnalysisResult Merge(IReadOnlyList<string> shardFolders, string outputDirectory, CancellationToken cancellationToken = default) =>
        Merge(shardFolders, outputDirectory, workbook: false, cancellationToken);

    /// <summary>
    /// Merges the shards in <paramref name="shardFolders"/> into reports in <paramref name="outputDirectory"/>
    /// (the evidence left in the shards' folders, <see cref="MergeEvidence.Parts"/>); with <paramref name="workbook"/>,
    /// also <c>reports.xlsx</c>, the merged CSV reports as the sheets of one workbook, written with the other
    /// reports, all or nothing.
    /// </summary>
    /// <exception cref="InputException">A folder holds no partial results, or they are damaged or do not belong with the others.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    public AnalysisResult Merge(IReadOnlyList<string> shardFolders, string outputDirectory, bool workbook, CancellationToken cancellationToken = default) =>
        Merge(shardFolders, outputDirectory, new MergeOptions(Workbook: workbook), cancellationToken);

    /// <summary>
    /// Merges the shards in <paramref name="shardFolders"/> into reports in <paramref name="outputDirectory"/>,
    /// as <paramref name="options"/> says: a workbook, the charts and the page, and the evidence left in the
    /// shards' folders and listed (<see cref="MergeEvidence.Parts"/>, the default) or copied.
    /// </summary>
    /// <exception cref="InputException">A folder holds no partial results, or they are damaged or do not belong with the others.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    public AnalysisResult Merge(IReadOnlyList<string> shardFolders, string outputDirectory, MergeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        if (shardFolders.Count == 0)
        {
            throw new OptionsException($"no shard folder was given.", $"Name the output folders of all the shard runs.");
        }

        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var readers = new List<PartialResultReader>();
        try
        {
            var parts = options.Evidence == MergeEvidence.Parts;
            foreach (var folder in shardFolders)
            {
                // The run's list of input files and its lexicon are the same in every shard: read (and checked) once.
                readers.Add(PartialResultReader.Open(folder, readers.Count == 0 ? null : readers[0], parts));
                if (parts && readers[0].Header.Evidence == EvidenceMode.None)
                {
                    // Shards that kept no evidence rows have a header to copy and nothing to leave in place (the others must match: checked below).
                    parts = false;
                    readers[0].Dispose();
                    readers[0] = PartialResultReader.Open(folder, null, evidenceInPlace: false);
                }
            }

            CheckTheyBelongTogether(readers);
            return Write(readers, outputDirectory, options with { Evidence = parts ? MergeEvidence.Parts : MergeEvidence.Copy }, started, clock, cancellationToken);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private static AnalysisResult Write(List<PartialResultReader> readers, string outputDirectory, MergeOptions mergeOptions, DateTimeOffset started, Stopwatch clock, CancellationToken cancellationToken)
    {
        var workbook = mergeOptions.Workbook;
        var first = readers[0].Header;
        var lexicon = first.Lexicon;
        var matcher = new LexiconMatcher(lexicon);
        using var output = OutputDirectory.Open(outputDirectory);
        using var writer = new AnalysisReportWriter(output, matcher, charts: mergeOptions.Charts, html: mergeOptions.Html, workbook: workbook, chart: ChartOptions(first), evidence: first.Evidence,
            evidenceParts: mergeOptions.Evidence == MergeEvidence.Parts);
        long tokens = 0, characters = 0;

        // Interleave the shards' documents by file index; a file's documents all come from one shard, in order.
        var heads = new PriorityQueue<(PartialResultReader Reader, DocumentReport Report), int>();
        foreach (var reader in readers)
        {
            Advance(reader, heads);
        }

        while (heads.TryDequeue(out var head, out _))
        {
            cancellationToken.ThrowIfCancellationRequested();
            tokens += head.Report.Summary.Tokens;
            characters += head.Report.Characters;
            writer.Add(head.Report);
            Advance(head.Reader, heads);
        }

        var headers = readers.Select(r => r.Header).ToList();
        var expected = headers.Sum(h => h.Documents);
        if (writer.Documents != expected)
        {
            throw new InputException($"the shards list {expected} documents in their headers but hold {writer.Documents}.", string.Join(", ", readers.Select(r => r.Folder)),
                fix: "A shard's output is incomplete; run the shards again.");
        }

        List<Problem> skipped = [.. first.ListingSkipped, .. headers.SelectMany(h => h.Skipped).OrderBy(s => s.File).Select(s => s.Value)];
        if (writer.Documents == 0)
        {
            throw DocumentSource.NoneRead(first.Files, skipped);
        }

        // Shards that loaded the same sources.csv report its warnings each; a single run reports them once, where first loaded.
        List<string> warnings = [.. lexicon.Warnings, .. headers.SelectMany(h => h.Warnings).OrderBy(w => w.File).Select(w => w.Value).Distinct(StringComparer.Ordinal)];
        var inputs = headers.SelectMany(h => h.Inputs).OrderBy(i => i.File).ToList();
        // A shard records charts, html and xlsx as "no" (it draws nothing); the merge draws what it is asked to.
        var options = first.Options.Where(o => o.Key is not ("shard" or "out"))
            .Select(o => o.Key switch
            {
                "xlsx" => new(o.Key, YesNo(workbook)),
                "charts" => new(o.Key, YesNo(mergeOptions.Charts)),
                "html" => new KeyValuePair<string, string?>(o.Key, YesNo(mergeOptions.Html)),
                _ => o,
            })
            .ToList();
        options.Add(new("out", outputDirectory));
        options.Add(new("shards", string.Join(";", readers.Select(r => r.Folder))));
        List<Problem> problems = [.. warnings.Select(w => Problem.Warning(string.Empty, w)), .. skipped];
        var reports = writer.Complete(new AnalysisRun("merge", ToolVersion.Current, started, options, lexicon, first.ListingSkipped, problems, [], inputs,
            writer.Documents, tokens, characters, [new("shards_analyze_max", headers.Max(h => Timing(h, "analyze"))), new("merge", clock.ElapsedMilliseconds)]));
        return new AnalysisResult(writer.Documents, tokens, characters, problems, reports, clock.Elapsed) { ListedEvidenceBytes = writer.ListedEvidenceBytes };
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static void Advance(PartialResultReader reader, PriorityQueue<(PartialResultReader, DocumentReport), int> heads)
    {
        if (reader.Next() is var (file, report))
        {
            heads.Enqueue((reader, report), file);
        }
    }

    private static void CheckTheyBelongTogether(List<PartialResultReader> readers)
    {
        var first = readers[0];
        var count = first.Header.Shard.Count;
        var seen = new Dictionary<int, PartialResultReader>();
        foreach (var reader in readers)
        {
            var header = reader.Header;
            Require(reader, header.Shard.Count == count,
                $"it is shard {header.Shard} but {first.Folder} is shard {first.Header.Shard}: they come from runs split differently.",
                "Merge the shards of one run, all run with the same N in I/N.");
            if (seen.TryGetValue(header.Shard.Index, out var twin))
            {
                throw new InputException($"it is shard {header.Shard}, as is {twin.Folder}.", reader.Folder,
                    fix: "Give each shard's folder once; if a shard was run twice, keep one of its folders.");
            }

            seen[header.Shard.Index] = reader;
            Require(reader, string.Equals(header.ToolVersion, first.Header.ToolVersion, StringComparison.Ordinal),
                $"it was written by cpnlp {header.ToolVersion} and {first.Folder} by {first.Header.ToolVersion}.", "Run every shard with the same version of cpnlp.");
            Require(reader, string.Equals(header.Lexicon.Sha256, first.Header.Lexicon.Sha256, StringComparison.Ordinal)
                && header.Lexicon.Themes.SequenceEqual(first.Header.Lexicon.Themes, StringComparer.Ordinal) && header.Lexicon.Terms.Count == first.Header.Lexicon.Terms.Count,
                $"it was analysed with another lexicon ({header.Lexicon.Source}, {header.Lexicon.Sha256[..12]}) than {first.Folder} ({first.Header.Lexicon.Source}, {first.Header.Lexicon.Sha256[..12]}).",
                "Run every shard with the same lexicon.");
            Require(reader, header.Evidence == first.Header.Evidence,
                Wording.Of($"its evidence.csv has the {EvidenceModeNames.Name(header.Evidence)} evidence and that of {first.Folder} the {EvidenceModeNames.Name(first.Header.Evidence)} evidence: one merged evidence.csv cannot have both sets of columns."),
                Wording.Of($"Merge shards run with the same {OptionName.Evidence} (full, offsets or none); run again the shards that differ."));
            // Every option that changes what is counted; where the inputs and the lexicon were is allowed to differ between machines.
            foreach (var (option, _) in header.Options.Concat(first.Header.Options).Where(o => o.Key is not ("inputs" or "out" or "shard" or "lexicon")).DistinctBy(o => o.Key))
            {
                Require(reader, string.Equals(Option(header, option), Option(first.Header, option), StringComparison.Ordinal),
                    $"it was run with {option} '{Option(header, option)}' and {first.Folder} with '{Option(first.Header, option)}'.",
                    "Run every shard with the same options.");
            }

            if (header.Files != first.Header.Files || !string.Equals(header.FilesSha256, first.Header.FilesSha256, StringComparison.Ordinal))
            {
                // Named only when they differ: finding the first difference compares the whole list of files.
                throw new InputException($"it read other input files than {first.Folder}: {FirstDifference(header, first.Header, first.Folder)}.", reader.Folder,
                    fix: "Run every shard on the same inputs, with the files in place and unchanged before the first shard starts.");
            }
        }

        var missing = Enumerable.Range(0, count).Where(i => !seen.ContainsKey(i)).ToList();
        if (missing.Count > 0)
        {
            throw new InputException($"shard(s) {string.Join(", ", missing.Select(i => $"{i}/{count}"))} are missing: a merge needs all {count} shards of the run.",
                string.Join(", ", readers.Select(r => r.Folder)),
                fix: "Add the missing shards' folders (or run those shards first).");
        }
    }

    /// <summary>The first input file that differs between two shards' listings, by name or content.</summary>
    private static string FirstDifference(ShardHeader header, ShardHeader first, string firstFolder)
    {
        for (var i = 0; i < Math.Min(header.FileHashes.Count, first.FileHashes.Count); i++)
        {
            var (path, sha256) = header.FileHashes[i];
            var (firstPath, firstSha256) = first.FileHashes[i];
            if (!string.Equals(path, firstPath, StringComparison.Ordinal))
            {
                return $"its input file {i + 1} is '{path}', in {firstFolder} '{firstPath}'";
            }

            if (!string.Equals(sha256, firstSha256, StringComparison.Ordinal))
            {
                return $"'{path}' has other content (SHA-256 {sha256[..Math.Min(12, sha256.Length)]}…) than in {firstFolder} ({firstSha256[..Math.Min(12, firstSha256.Length)]}…)";
            }
        }

        return $"it lists {header.FileHashes.Count} input files, {firstFolder} {first.FileHashes.Count}";
    }

    private static void Require(PartialResultReader reader, bool condition, string problem, string fix)
    {
        if (!condition)
        {
            throw new InputException(problem, reader.Folder, fix: fix);
        }
    }

    private static void Require(PartialResultReader reader, bool condition, FormattableString problem, FormattableString fix)
    {
        if (!condition)
        {
            throw new InputException(problem, reader.Folder, null, fix);
        }
    }

    /// <summary>The charts' themes and scale as the shards were asked for them (<c>--themes</c>, <c>--chart-scale</c>), which every shard records alike.</summary>
    private static TrendChartOptions ChartOptions(ShardHeader header) => new(
        Option(header, TrendChartOptions.ThemesKey)?.Split(';', StringSplitOptions.RemoveEmptyEntries),
        Option(header, TrendChartOptions.ScaleKey) == TrendChartOptions.RelativeName);

    private static string? Option(ShardHeader header, string name) =>
        header.Options.FirstOrDefault(o => string.Equals(o.Key, name, StringComparison.Ordinal)).Value;

    private static long Timing(ShardHeader header, string stage) =>
        header.TimingsMs.FirstOrDefault(t => string.Equals(t.Key, stage, StringComparison.Ordinal)).Value;
}
