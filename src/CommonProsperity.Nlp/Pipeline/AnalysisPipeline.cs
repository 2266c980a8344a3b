using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Lexicons;
using CommonProsperity.Nlp.Reporting;

namespace CommonProsperity.Nlp.Pipeline;

/// <summary>
/// The <c>analyze</c> job: inputs in, theme reports out. Files stream through
/// <see cref="OrderedFileAnalysis"/> (read in order, analysed in parallel, results written in input
/// order), so memory stays bounded by the work in flight and the output is the same whatever the
/// parallelism. With <see cref="AnalysisOptions.Shard"/>, only the shard's files are analysed and
/// partial results are written instead of reports, for <see cref="ShardMerger"/> to combine.
/// </summary>
public sealed class AnalysisPipeline
{
    private readonly Lexicon _lexicon;
    private readonly LexiconMatcher _matcher;

    /// <summary>Creates a pipeline for <paramref name="lexicon"/>.</summary>
    public AnalysisPipeline(Lexicon lexicon)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _matcher = new LexiconMatcher(lexicon);
    }

    /// <summary>The version written into manifests.</summary>
    public static string ToolVersion { get; } =
        typeof(AnalysisPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs the analysis and writes the reports (or, for a shard, the partial results).</summary>
    /// <exception cref="OptionsException">The options are invalid.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    /// <exception cref="CommonProsperityException">No input could be analysed (nothing is written then).</exception>
    public AnalysisResult Run(AnalysisOptions options, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var ingestion = options.Ingestion with
        {
            ExcludeDirectories = [.. options.Ingestion.ExcludeDirectories ?? [], options.OutputDirectory],
        };
        var source = new DocumentSource(ingestion);
        var listingSkipped = new List<SkippedInput>();
        var files = source.Discover(options.Inputs, listingSkipped);
        var discoverMs = clock.ElapsedMilliseconds;
        if (files.Count == 0)
        {
            var reasons = listingSkipped.Count == 0 ? string.Empty : " " + string.Join(" ", listingSkipped.Select(s => s.Reason));
            throw new CommonProsperityException($"no readable documents were found in {string.Join(", ", options.Inputs)}.{reasons}",
                fix: $"Point the command at files or folders holding {string.Join(", ", source.Extensions.Order(StringComparer.Ordinal).Select(e => "." + e))} files.");
        }

        var shard = options.Shard;
        using var output = OutputDirectory.Open(options.OutputDirectory);
        using var writer = shard is null ? new AnalysisReportWriter(output, _matcher, options.ContextCharacters, options.Charts) : null;
        using var partial = shard is null ? null : new PartialResultWriter(output);
        var run = new RunTally(listingSkipped);
        var lastProgress = TimeSpan.Zero;
        var engine = new OrderedFileAnalysis(source, new DocumentAnalyzer(_matcher), new DocumentReportBuilder(_matcher, options.ContextCharacters),
            options.Parallelism, cancellationToken);
        var mine = files.Select((file, index) => (index, file)).Where(f => shard is null || shard.Contains(f.file.RelativePath));
        engine.Run(mine, result =>
        {
            run.Take(result, report =>
            {
                if (writer is not null)
                {
                    writer.Add(report);
                }
                else
                {
                    partial!.Add(result.File, report);
                }
            });
            if (progress is not null && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(2))
            {
                lastProgress = clock.Elapsed;
                progress.Report(new AnalysisProgress(run.Documents, files.Count, run.Characters, clock.Elapsed));
            }
        });

        cancellationToken.ThrowIfCancellationRequested();
        var analyzeMs = clock.ElapsedMilliseconds - discoverMs;
        if (run.Documents == 0 && shard is null)
        {
            throw new CommonProsperityException($"none of the {files.Count} input file(s) could be analysed: {string.Join(" ", run.Skipped.Select(s => s.Reason))}",
                fix: "Fix or remove the files named above.");
        }

        var warnings = new List<string>(_lexicon.Warnings);
        warnings.AddRange(run.Warnings.Select(w => w.Value));
        if (options.Charts && shard is null && Reporting.Charts.ChartFonts.Warning is { } fontWarning)
        {
            warnings.Add(fontWarning);
        }

        IReadOnlyList<KeyValuePair<string, string?>> optionList =
        [
            new("inputs", string.Join(";", options.Inputs)),
            new("out", options.OutputDirectory),
            new("lexicon", _lexicon.Source),
            new("text_column", options.Ingestion.TextColumn),
            new("id_column", options.Ingestion.IdColumn),
            new("context", options.ContextCharacters.ToString(CultureInfo.InvariantCulture)),
            new("charts", options.Charts && shard is null ? "yes" : "no"),
            .. shard is null ? Array.Empty<KeyValuePair<string, string?>>() : [new("shard", shard.ToString())],
        ];
        IReadOnlyList<KeyValuePair<string, long>> timings = [new("discover", discoverMs), new("analyze", analyzeMs), new("total_before_write", clock.ElapsedMilliseconds)];
        IReadOnlyList<string> reports;
        if (writer is not null)
        {
            var manifest = new RunManifest("analyze", ToolVersion, started, optionList, _lexicon.Source, _lexicon.Sha256, _lexicon.Terms.Count, _matcher.Themes,
                [.. run.Inputs.Select(i => i.Value)], run.Skipped, warnings, run.Documents, run.Tokens, run.Characters, timings);
            reports = writer.Complete(manifest);
        }
        else
        {
            var (fingerprint, fileHashes) = InputFingerprint.Compute(files, cancellationToken);
            var header = new ShardHeader(ToolVersion, shard!, started, optionList, _lexicon, files.Count, fingerprint, fileHashes, listingSkipped,
                run.TaggedSkipped, run.Inputs, run.Warnings, run.Documents, run.Tokens, run.Characters, timings);
            reports = partial!.Complete(header);
        }

        return new AnalysisResult(run.Documents, run.Tokens, run.Characters, run.Skipped, warnings, reports, clock.Elapsed);
    }

    /// <summary>The totals and lists of a run, gathered from the results in order, each tagged with its file for a shard's partial results.</summary>
    private sealed class RunTally(List<SkippedInput> listingSkipped)
    {
        public List<SkippedInput> Skipped { get; } = [.. listingSkipped];

        public List<FileTagged<SkippedInput>> TaggedSkipped { get; } = [];

        public List<FileTagged<InputFileRecord>> Inputs { get; } = [];

        public List<FileTagged<string>> Warnings { get; } = [];

        public int Documents { get; private set; }

        public long Tokens { get; private set; }

        public long Characters { get; private set; }

        public void Take(FileResult result, Action<DocumentReport> add)
        {
            foreach (var skip in result.Skipped)
            {
                Skipped.Add(skip);
                TaggedSkipped.Add(new(result.File, skip));
            }

            Warnings.AddRange(result.Warnings.Select(w => new FileTagged<string>(result.File, w)));
            foreach (var report in result.Reports)
            {
                Documents++;
                Tokens += report.Summary.Tokens;
                Characters += report.Characters;
                add(report);
            }

            if (result.Input is { } input)
            {
                Inputs.Add(new(result.File, input));
            }
        }
    }
}
