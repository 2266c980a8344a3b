using System.Diagnostics;
using System.Reflection;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Lexicons;
using CommonProsperity.Nlp.Reporting;

namespace CommonProsperity.Nlp.Pipeline;

/// <summary>
/// The <c>analyze</c> job: inputs in, theme reports out. Documents stream through one at a time
/// (read on the calling thread, analysed in parallel, written in input order), so memory stays
/// bounded by the documents in flight, and the output is the same whatever the parallelism.
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
        var source = new DocumentSource(options.Ingestion.Excluding(options.OutputDirectory));
        var skipped = new List<SkippedInput>();
        var files = source.Discover(options.Inputs, skipped);
        var discoverMs = clock.ElapsedMilliseconds;
        if (files.Count == 0)
        {
            throw source.NothingFound(options.Inputs, skipped);
        }

        using var output = OutputDirectory.Open(options.OutputDirectory);
        using var writer = new AnalysisReportWriter(output, _matcher, options.ContextCharacters, options.Charts);
        var analyzer = new DocumentAnalyzer(_matcher);
        long tokens = 0, characters = 0;
        var lastProgress = TimeSpan.Zero;
        var pending = new Queue<Task<DocumentAnalysis>>();

        void Drain(int keep)
        {
            while (pending.Count > keep)
            {
                // Wait cancellably: a large document can take seconds, and Ctrl-C must not wait for it.
                Task.WaitAny([pending.Peek()], cancellationToken);
                var analysis = pending.Dequeue().GetAwaiter().GetResult();
                writer.Add(analysis);
                tokens += analysis.Tokens;
                characters += analysis.Document.Text.Length;
                if (progress is not null && clock.Elapsed - lastProgress > TimeSpan.FromSeconds(2))
                {
                    lastProgress = clock.Elapsed;
                    progress.Report(new AnalysisProgress(writer.Documents, files.Count, characters, clock.Elapsed));
                }
            }
        }

        try
        {
            foreach (var document in source.Read(files, skipped, cancellationToken))
            {
                pending.Enqueue(Task.Run(() => analyzer.Analyze(document, cancellationToken), cancellationToken));
                Drain(options.Parallelism * 2);
            }

            Drain(0);
        }
        finally
        {
            // Let in-flight work finish before the writer and output folder are disposed; when cancelled,
            // return at once instead (the analyses touch neither, and they stop at their next check).
            foreach (var task in cancellationToken.IsCancellationRequested ? [] : pending)
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
        if (options.Charts && Reporting.Charts.ChartFonts.Warning is { } fontWarning)
        {
            warnings.Add(fontWarning);
        }
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
                new("charts", options.Charts ? "yes" : "no"),
            ],
            _lexicon.Source,
            _lexicon.Sha256,
            _lexicon.Terms.Count,
            _matcher.Themes,
            source.Inputs,
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
