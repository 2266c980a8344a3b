using System.Diagnostics;
using System.Reflection;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Lexicons;
using CommonProsperity.Nlp.Reporting;

namespace CommonProsperity.Nlp.Pipeline;

/// <summary>
/// The <c>analyze</c> job: inputs in, theme reports out. Files stream through: each is read on the
/// calling thread, then decoded, analysed and its evidence rows formatted on a worker (a file larger
/// than <see cref="WholeFileBytes"/> is decoded on the calling thread and its documents analysed on
/// workers), and the results are written in input order. Memory stays bounded by the work in flight
/// (a few files per worker, at most <see cref="MaxBytesInFlight"/> of input), and the output is the
/// same whatever the parallelism.
/// </summary>
public sealed class AnalysisPipeline
{
    /// <summary>Files up to this size are decoded and analysed whole on a worker thread.</summary>
    public const int WholeFileBytes = 4 << 20;

    /// <summary>The input bytes that may wait in the queue between reading and writing.</summary>
    public const long MaxBytesInFlight = 64L << 20;

    private readonly Lexicon _lexicon;
    private readonly LexiconMatcher _matcher;

    /// <summary>Creates a pipeline for <paramref name="lexicon"/>.</summary>
    public AnalysisPipeline(Lexicon lexicon)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _matcher = new LexiconMatcher(lexicon);
    }

    /// <summary>One file's results, in order: what was skipped, the documents' reports, and the manifest entry once the file is done.</summary>
    private sealed record FileChunk(IReadOnlyList<SkippedInput> Skipped, IReadOnlyList<DocumentReport> Reports, InputFileRecord? Input, long Bytes);

    /// <summary>The version written into manifests.</summary>
    public static string ToolVersion { get; } =
        typeof(AnalysisPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs the analysis and writes the reports.</summary>
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
        var skipped = new List<SkippedInput>();
        var files = source.Discover(options.Inputs, skipped);
        var discoverMs = clock.ElapsedMilliseconds;
        if (files.Count == 0)
        {
            var reasons = skipped.Count == 0 ? string.Empty : " " + string.Join(" ", skipped.Select(s => s.Reason));
            throw new CommonProsperityException($"no readable documents were found in {string.Join(", ", options.Inputs)}.{reasons}",
                fix: $"Point the command at files or folders holding {string.Join(", ", source.Extensions.Order(StringComparer.Ordinal).Select(e => "." + e))} files.");
        }

        using var output = OutputDirectory.Open(options.OutputDirectory);
        using var writer = new AnalysisReportWriter(output, _matcher, options.ContextCharacters);
        var analyzer = new DocumentAnalyzer(_matcher);
        var inputs = new List<InputFileRecord>();
        long tokens = 0, characters = 0;
        var lastProgress = TimeSpan.Zero;
        var workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, options.Parallelism).ConcurrentScheduler;
        var pending = new Queue<Task<FileChunk>>();
        long bytesInFlight = 0;

        void Enqueue(Func<FileChunk> work, long bytes)
        {
            pending.Enqueue(Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.None, workers));
            bytesInFlight += bytes;
        }

        void Drain(bool all)
        {
            while (pending.Count > 0 && (all || pending.Count > options.Parallelism * 4 || bytesInFlight > MaxBytesInFlight))
            {
                var next = pending.Dequeue();
                if (!next.IsCompleted)
                {
                    // Block without spinning: on a small machine a spinning writer takes a core from the workers.
                    ((IAsyncResult)next).AsyncWaitHandle.WaitOne();
                }

                var chunk = next.GetAwaiter().GetResult();
                bytesInFlight -= chunk.Bytes;
                skipped.AddRange(chunk.Skipped);
                foreach (var report in chunk.Reports)
                {
                    tokens += report.Summary.Tokens;
                    characters += report.Characters;
                    writer.Add(report);
                }

                if (chunk.Input is { } input)
                {
                    inputs.Add(input);
                }

                if (progress is not null && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(2))
                {
                    lastProgress = clock.Elapsed;
                    progress.Report(new AnalysisProgress(writer.Documents, files.Count, characters, clock.Elapsed));
                }
            }
        }

        FileChunk AnalyzeWholeFile(LoadedFile loaded)
        {
            var fileSkips = new List<SkippedInput>();
            var reports = new List<DocumentReport>();
            InputFileRecord? input = null;
            foreach (var document in source.Extract(loaded, fileSkips, record => input = record, cancellationToken))
            {
                reports.Add(writer.Prepare(analyzer.Analyze(document, cancellationToken)));
            }

            return new FileChunk(fileSkips, reports, input, loaded.Bytes.Length);
        }

        void AnalyzeDocumentsOfLargeFile(LoadedFile loaded)
        {
            // Decoded here, one document at a time, so that a large file is never held twice over in the queue.
            var fileSkips = new List<SkippedInput>();
            InputFileRecord? input = null;
            foreach (var document in source.Extract(loaded, fileSkips, record => input = record, cancellationToken))
            {
                SkippedInput[] before = [.. fileSkips];
                fileSkips.Clear();
                Enqueue(() => new FileChunk(before, [writer.Prepare(analyzer.Analyze(document, cancellationToken))], null, document.Text.Length * 2L), document.Text.Length * 2L);
                Drain(all: false);
            }

            pending.Enqueue(Task.FromResult(new FileChunk([.. fileSkips], [], input, 0)));
        }

        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var loadSkips = new List<SkippedInput>();
                var loaded = source.Load(file, loadSkips);
                if (loaded is null)
                {
                    pending.Enqueue(Task.FromResult(new FileChunk(loadSkips, [], null, 0)));
                }
                else if (loaded.Bytes.Length <= WholeFileBytes)
                {
                    Enqueue(() => AnalyzeWholeFile(loaded), loaded.Bytes.Length);
                }
                else
                {
                    AnalyzeDocumentsOfLargeFile(loaded);
                }

                Drain(all: false);
            }

            Drain(all: true);
        }
        finally
        {
            // Let in-flight work finish before the writer and output folder are disposed.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The first failure is already propagating.
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var analyzeMs = clock.ElapsedMilliseconds - discoverMs;
        if (writer.Documents == 0)
        {
            throw new CommonProsperityException($"none of the {files.Count} input file(s) could be analysed: {string.Join(" ", skipped.Select(s => s.Reason))}",
                fix: "Fix or remove the files named above.");
        }

        var warnings = new List<string>(_lexicon.Warnings);
        warnings.AddRange(source.Warnings);
        var manifest = new RunManifest(
            "analyze",
            ToolVersion,
            started,
            [
                new("inputs", string.Join(";", options.Inputs)),
                new("out", options.OutputDirectory),
                new("lexicon", _lexicon.Source),
                new("text_column", options.Ingestion.TextColumn),
                new("id_column", options.Ingestion.IdColumn),
                new("context", options.ContextCharacters.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            _lexicon.Source,
            _lexicon.Sha256,
            _lexicon.Terms.Count,
            _matcher.Themes,
            inputs,
            skipped,
            warnings,
            writer.Documents,
            tokens,
            characters,
            [new("discover", discoverMs), new("analyze", analyzeMs), new("total_before_write", clock.ElapsedMilliseconds)]);
        var reports = writer.Complete(manifest);
        return new AnalysisResult(writer.Documents, tokens, characters, skipped, warnings, reports, clock.Elapsed);
    }
}
