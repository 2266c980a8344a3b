using System.Diagnostics;
using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

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
        if (options.Charts && options.Shard is null)
        {
            // On the core that start-up leaves idle, not in the serial tail at the end.
            _ = Output.Charts.AnalysisCharts.PrepareInBackground();
        }

        var ingestion = options.Ingestion with
        {
            ExcludeDirectories = [.. options.Ingestion.ExcludeDirectories ?? [], options.OutputDirectory],
            StreamedFileBytes = options.StreamedFileBytes,
        };
        var source = new DocumentSource(ingestion);
        var listing = new ProblemLog();
        var files = source.Discover(options.Inputs, listing);
        var discoverMs = clock.ElapsedMilliseconds;
        if (files.Count == 0)
        {
            throw source.NothingFound(options.Inputs, listing.Skipped);
        }

        var shard = options.Shard;
        var matcher = options.Normalize ? _matcher : new LexiconMatcher(_lexicon, normalize: false);
        var chart = (options.Chart ?? new TrendChartOptions()).Validate(matcher.Themes);
        using var output = OutputDirectory.Open(options.OutputDirectory);
        using IDocumentReportSink sink = shard is null ? new AnalysisReportWriter(output, matcher, options.Charts, options.Html, options.Workbook, chart, options.Evidence) : new PartialResultWriter(output, shard, files, matcher.Lexicon, options.Evidence, cancellationToken);
        var run = new RunTally(listing.All, new DuplicateInputs(options.Dedupe));
        var lastProgress = TimeSpan.Zero;
        var analyzer = new DocumentAnalyzer(matcher, WordCounter.Jieba, options.Dedupe);
        var builder = new DocumentReportBuilder(matcher, options.ContextCharacters, options.MaxEvidenceBytes, options.Evidence);
        var engine = new OrderedFileAnalysis(source, analyzer, builder, options.Parallelism, cancellationToken)
        {
            Windows = new WindowedDocumentAnalysis(analyzer, builder, output.ScratchPath, options.WindowCharacters) { GivenEncoding = ingestion.GivenEncoding },
            StreamedFileBytes = options.StreamedFileBytes,

            // With --dedupe a document left out once it is done has its rows taken back out (EvidenceSpill.Dispose).
            OpenEvidence = sink.OpenEvidence,
        };
        var mine = files.Select((file, index) => (index, file)).Where(f => shard is null || shard.Contains(f.file.RelativePath));
        engine.Run(mine, result =>
        {
            run.Take(result, report => sink.Add(result.File, report));
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
            throw DocumentSource.NoneRead(files.Count, run.Problems.Skipped());
        }

        List<Problem> problems = [.. _lexicon.Warnings.Select(w => Problem.Warning(_lexicon.Source, w)), .. run.Problems];
        if (options.Charts && shard is null && Output.Charts.ChartFonts.Warning is { } fontWarning)
        {
            problems.Add(Problem.Warning(string.Empty, fontWarning));
        }

        IReadOnlyList<KeyValuePair<string, string?>> optionList =
        [
            new("inputs", string.Join(";", options.Inputs)),
            new("out", options.OutputDirectory),
            new("lexicon", _lexicon.Source),
            new("text_column", options.Ingestion.TextColumn),
            new("id_column", options.Ingestion.IdColumn),
            .. options.Ingestion.Encoding is { } encoding ? [new KeyValuePair<string, string?>("encoding", encoding)] : Array.Empty<KeyValuePair<string, string?>>(),
            new("context", options.ContextCharacters.ToString(CultureInfo.InvariantCulture)),
            new("charts", options.Charts && shard is null ? "yes" : "no"),
            new("html", options.Html && shard is null ? "yes" : "no"),
            new("xlsx", options.Workbook && shard is null ? "yes" : "no"),
            new("normalize", options.Normalize ? "yes" : "no"),
            new(EvidenceModeNames.Option, EvidenceModeNames.Name(options.Evidence)),
            .. options.Dedupe ? [new KeyValuePair<string, string?>("dedupe", "yes")] : Array.Empty<KeyValuePair<string, string?>>(),
            .. chart.Themes is { Count: > 0 } ? [new KeyValuePair<string, string?>(TrendChartOptions.ThemesKey, string.Join(";", chart.Themes))] : Array.Empty<KeyValuePair<string, string?>>(),
            .. chart.Relative ? [new KeyValuePair<string, string?>(TrendChartOptions.ScaleKey, TrendChartOptions.RelativeName)] : Array.Empty<KeyValuePair<string, string?>>(),
            .. shard is null ? Array.Empty<KeyValuePair<string, string?>>() : [new("shard", shard.ToString())],
        ];
        IReadOnlyList<KeyValuePair<string, long>> timings = [new("discover", discoverMs), new("analyze", analyzeMs), new("total_before_write", clock.ElapsedMilliseconds)];
        var reports = sink.Complete(new AnalysisRun("analyze", ToolVersion.Current, started, optionList, _lexicon, listing.All, problems, run.FileProblems, run.Inputs,
            run.Documents, run.Tokens, run.Characters, timings));

        return new AnalysisResult(run.Documents, run.Tokens, run.Characters, problems, reports, clock.Elapsed);
    }

    /// <summary>The totals and lists of a run, gathered from the results in order, each tagged with its file for a shard's partial results.</summary>
    private sealed class RunTally(IReadOnlyList<Problem> listing, DuplicateInputs duplicates)
    {
        /// <summary>Every problem: those of listing the inputs, then each file's, in input order.</summary>
        public List<Problem> Problems { get; } = [.. listing];

        public List<FileTagged<Problem>> FileProblems { get; } = [];

        public List<FileTagged<InputFileRecord>> Inputs { get; } = [];

        public int Documents { get; private set; }

        public long Tokens { get; private set; }

        public long Characters { get; private set; }

        public void Take(FileResult result, Action<DocumentReport> add)
        {
            var found = new ProblemLog(result.Problems);
            foreach (var report in result.Reports)
            {
                if (!duplicates.Check(report, found))
                {
                    report.DiscardEvidence();
                    continue;
                }

                Documents++;
                Tokens += report.Summary.Tokens;
                Characters += report.Characters;
                add(report);
            }

            var problems = found.All;
            Problems.AddRange(problems);
            FileProblems.AddRange(problems.Select(p => new FileTagged<Problem>(result.File, p)));
            if (result.Input is { } input)
            {
                Inputs.Add(new(result.File, input));
            }
        }
    }
}
