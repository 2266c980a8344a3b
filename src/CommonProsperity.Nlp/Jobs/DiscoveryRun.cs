using System.Diagnostics;
using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;
using CommonProsperity.Nlp.Output.Html;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// What the discovery jobs (<see cref="TopicsJob"/>, <see cref="CompareJob"/>, <see cref="TrendJob"/>, the
/// phrase jobs and <see cref="KwicJob"/>) share: each reads its documents into memory (discovery looks at the
/// corpus as a whole, <see cref="DiscoveryCorpus"/>), computes, and only then writes its reports, charts,
/// page and manifest atomically through <see cref="OutputDirectory"/>, so a run that fails writes nothing.
/// Themes are counted by the same counting rules and lexicon as <c>analyze</c>.
/// </summary>
internal sealed class DiscoveryRun
{
    private readonly LexiconMatcher _matcher;

    /// <summary>A run that counts and labels themes with <paramref name="lexicon"/>.</summary>
    public DiscoveryRun(Lexicon lexicon)
    {
        Lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _matcher = new LexiconMatcher(lexicon);
    }

    /// <summary>The lexicon themes are counted with.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The lexicon's themes, in order.</summary>
    public IReadOnlyList<string> Themes => _matcher.Themes;

    /// <summary>The matcher that folds characters before matching (counting rule 1), whatever the options say.</summary>
    public LexiconMatcher Folding => _matcher;

    /// <summary>
    /// Reads the inputs, computes the value (<paramref name="compute"/>, which may add warnings), and writes the
    /// reports: the <paramref name="tables"/> as CSV (and in <c>report.html</c>), what <paramref name="write"/>
    /// stages (charts, reports without a page), <c>reports.xlsx</c> when asked, and <c>manifest.json</c> with
    /// <paramref name="settings"/>.
    /// </summary>
    public DiscoveryResult<T> Run<T>(string command, DiscoveryOptions options, IReadOnlyList<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken,
        Func<DiscoveryCorpus, List<string>, T> compute, Func<OutputDirectory, T, IEnumerable<string>> write, Func<T, IReadOnlyList<ReportTable>>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var corpus = new DiscoveryCorpus(options);
        corpus.Add(options.Inputs, cancellationToken);
        var readMs = clock.ElapsedMilliseconds;
        var warnings = new List<string>(Lexicon.Warnings);
        var value = compute(corpus, warnings);
        cancellationToken.ThrowIfCancellationRequested();
        var computeMs = clock.ElapsedMilliseconds - readMs;
        List<Problem> problems = [.. warnings.Select(w => Problem.Warning(string.Empty, w)), .. corpus.Problems];
        if (options.Charts && ChartFonts.Warning is { } fontWarning)
        {
            problems.Add(Problem.Warning(string.Empty, fontWarning));
        }

        using var output = OutputDirectory.Open(options.OutputDirectory);
        // The CSV reports made as tables are written here, and shown in report.html; write adds the charts (and the reports of commands without a page).
        var reportTables = tables?.Invoke(value) ?? [];
        foreach (var table in reportTables)
        {
            table.WriteCsv(output.Stage(table.File));
        }

        var names = reportTables.Select(t => t.File).ToList();
        names.AddRange(write(output, value));
        if (options.Workbook)
        {
            Workbook.Write(output.Stage(ReportFiles.Workbook), [.. names.Where(n => n.EndsWith(".csv", StringComparison.Ordinal)).Select(output.StagedPath)]);
            names.Add(ReportFiles.Workbook);
        }

        if (options.Html && tables is not null)
        {
            DiscoveryHtml.Write(output.Stage(ReportFiles.Report), command, ToolVersion.Current, corpus.Documents.Count, corpus.Tokens, corpus.Documents.Sum(d => (long)d.Text.Length),
                Lexicon, Themes, corpus.Inputs, problems, reportTables);
            names.Add(ReportFiles.Report);
        }

        names.Add(ReportFiles.Manifest);
        var manifest = new RunManifest(
            command,
            ToolVersion.Current,
            started,
            [
                new("inputs", string.Join(";", options.Inputs)),
                new("out", options.OutputDirectory),
                new("lexicon", Lexicon.Source),
                new("text_column", options.Ingestion.TextColumn),
                new("id_column", options.Ingestion.IdColumn),
                new("charts", options.Charts ? "yes" : "no"),
                new("html", options.Html ? "yes" : "no"),
                new("xlsx", options.Workbook ? "yes" : "no"),
                new("normalize", options.Normalize ? "yes" : "no"),
                .. settings,
            ],
            Lexicon.Source,
            Lexicon.Sha256,
            Lexicon.Terms.Count,
            Themes,
            corpus.Inputs,
            problems.Skipped(),
            [.. problems.Warnings().Select(w => w.Text)],
            corpus.Documents.Count,
            corpus.Tokens,
            corpus.Documents.Sum(d => (long)d.Text.Length),
            [new("read", readMs), new("compute", computeMs), new("total_before_write", clock.ElapsedMilliseconds)],
            Lexicon.ThemeLabels);
        ManifestWriter.Write(output.Stage(ReportFiles.Manifest), manifest, names);
        var reports = output.Commit();
        return new DiscoveryResult<T>(value, corpus.Documents.Count, problems, reports, clock.Elapsed);
    }

    /// <summary>The matcher for <paramref name="options"/>: the folding one, or one that matches the characters as written.</summary>
    public LexiconMatcher Matcher(DiscoveryOptions options) => options.Normalize ? _matcher : new LexiconMatcher(Lexicon, normalize: false);

    /// <summary>The per-document analysis for <paramref name="options"/> (themes, tokens, words).</summary>
    public DocumentAnalyzer Analyzer(DiscoveryOptions options) => new(Matcher(options), WordCounter.Jieba);

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
