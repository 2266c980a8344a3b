using System.Diagnostics;
using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;
using CommonProsperity.Nlp.Output.Html;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// The discovery jobs: <c>topics</c>, <c>compare</c> and <c>trend</c>. Each reads its documents into
/// memory (discovery looks at the corpus as a whole), computes, and only then writes its reports,
/// charts and manifest atomically through <see cref="OutputDirectory"/>, so a run that fails writes
/// nothing. Themes are counted by the same counting rules and lexicon as <c>analyze</c>.
/// </summary>
public sealed partial class DiscoveryPipeline
{
    private readonly Lexicon _lexicon;
    private readonly LexiconMatcher _matcher;

    /// <summary>A pipeline that counts and labels themes with <paramref name="lexicon"/>.</summary>
    public DiscoveryPipeline(Lexicon lexicon)
    {
        _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
        _matcher = new LexiconMatcher(lexicon);
    }

    /// <summary>Fits a topic model and writes <c>topics.csv</c>, <c>document_topics.csv</c> and the document × topic chart.</summary>
    public DiscoveryResult<TopicModel> RunTopics(DiscoveryOptions options, TopicOptions topics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        topics.Validate();
        KeyValuePair<string, string?>[] settings =
        [
            new("topics", Invariant(topics.Topics)), new("seed", Invariant(topics.Seed)), new("terms", Invariant(topics.TermsPerTopic)),
            new("passage_words", Invariant(topics.PassageWords)), new("min_count", Invariant(topics.MinWordCount)),
            new("iterations", Invariant(topics.Iterations)), new("language", topics.Language),
        ];
        return Run("topics", options, settings, cancellationToken,
            (corpus, _) => new TopicModeler(WordExtractor.Default, new TermThemes(Matcher(options), StopWords.Default)).Fit(corpus.Documents, topics, cancellationToken),
            (output, model) =>
            {
                if (!options.Charts)
                {
                    return [];
                }

                var shown = AnalysisCharts.Longest(model.Documents, d => d.Words, AnalysisCharts.MaxHeatmapRows);
                var values = new double[shown.Count, model.Topics.Count];
                for (var d = 0; d < shown.Count; d++)
                {
                    for (var t = 0; t < model.Topics.Count; t++)
                    {
                        values[d, t] = shown[d].Shares[t];
                    }
                }

                var which = shown.Count < model.Documents.Count ? $"the {shown.Count} longest of {model.Documents.Count} documents, " : "";
                HeatmapChart.Write(output.Stage(ReportFiles.DocumentTopicsChart), $"Topics per document ({which}{model.Topics.Count} topics, seed {topics.Seed})",
                    shown.Select(d => AnalysisCharts.Label(d.Id)).ToList(),
                    model.Topics.Select(t => $"{t.Number}: {t.Label(3).Replace(" · ", " ", StringComparison.Ordinal)}").ToList(),
                    values, "share of the document's words", "topic (number: top words)", "0.00");
                return [ReportFiles.DocumentTopicsChart];
            },
            model => [DiscoveryReports.Topics(model), DiscoveryReports.DocumentTopics(model)]);
    }

    /// <summary>
    /// Compares groups of documents, by the value of a metadata field (<paramref name="by"/>) or the inputs
    /// against a second input set (<paramref name="reference"/>), and writes <c>keyness.csv</c>,
    /// <c>theme_by_group.csv</c> and their charts.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion, charts.</param>
    /// <param name="by">The metadata field to group by, or null with <paramref name="reference"/>.</param>
    /// <param name="reference">A second input set to compare the inputs with, or null with <paramref name="by"/>.</param>
    /// <param name="keyness">The keyness settings.</param>
    /// <param name="language">Compare only documents of this language (so that a comparison by year is not one of languages); null for all.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OptionsException">Neither or both of <paramref name="by"/> and <paramref name="reference"/> are given, or the groups cannot be formed.</exception>
    public DiscoveryResult<Comparison> RunCompare(DiscoveryOptions options, string? by, IReadOnlyList<string>? reference, KeynessOptions keyness,
        string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keyness);
        keyness.Validate();
        var hasReference = reference is { Count: > 0 };
        if (hasReference)
        {
            DocumentSource.RefuseOutputInside(reference!, options.OutputDirectory);
        }

        if (string.IsNullOrWhiteSpace(by) == !hasReference)
        {
            throw new OptionsException(hasReference ? "--by and --vs were both given." : "nothing to compare by.",
                "Give either --by FIELD (language, publisher, year, month, or a sources.csv column) to group the inputs, or --vs PATH to compare the inputs with a second set.");
        }

        var groupBy = hasReference ? "inputs" : by!.Trim().ToLowerInvariant();
        KeyValuePair<string, string?>[] settings =
        [
            new("by", by), new("vs", hasReference ? string.Join(";", reference!) : null), new("top", Invariant(keyness.Top)),
            new("min_count", Invariant(keyness.MinCount)), new("max_p", keyness.MaxP.ToString(CultureInfo.InvariantCulture)), new("stop_words", keyness.KeepStopWords ? "kept" : "removed"),
            new("language", language),
        ];
        return Run("compare", options, settings, cancellationToken,
            (corpus, warnings) =>
            {
                IReadOnlyList<DocumentGroup> groups;
                if (hasReference)
                {
                    var first = OfLanguage(corpus.Documents, language, warnings);
                    var second = OfLanguage(corpus.Add(reference!, cancellationToken), language, warnings);
                    var (a, b) = SetNames(options.Inputs, reference!);
                    groups = [new DocumentGroup(a, first), new DocumentGroup(b, second)];
                }
                else
                {
                    groups = DocumentFields.Group(OfLanguage(corpus.Documents, language, warnings), by!, warnings);
                }

                var analyzer = new DocumentAnalyzer(Matcher(options), WordCounter.Jieba);
                var summaries = groups.Select(g => (g.Name, (IReadOnlyList<DocumentSummary>)corpus.Summaries(analyzer, g.Documents, cancellationToken))).ToList();
                var themes = ThemeComparer.Compare(summaries, _matcher.Themes);
                var keys = new KeynessAnalyzer(WordExtractor.Default).Compare(groups, keyness, cancellationToken);
                foreach (var group in keys.Groups.Where(g => g.SharedShare < 0.2))
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"only {group.SharedShare * 100:F0}% of the words of '{group.Name}' occur in the other group(s) (different languages?), so its keyness list shows its own frequent words rather than a contrast; theme_by_group.csv compares across languages."));
                }

                return new Comparison(groupBy, keys, themes);
            },
            (output, comparison) => options.Charts ? CompareCharts(output, comparison) : [],
            comparison => [DiscoveryReports.Keyness(comparison.By, comparison.Keyness), DiscoveryReports.ThemeByGroup(comparison.By, comparison.Themes)]);
    }

    /// <summary>Theme rates per year or month from the documents' dates: <c>theme_trend.csv</c> and its chart.</summary>
    public DiscoveryResult<IReadOnlyList<ThemeTrendPoint>> RunTrend(DiscoveryOptions options, TrendPeriod period, CancellationToken cancellationToken = default) =>
        RunTrend(options, period, new TrendChartOptions(), cancellationToken);

    /// <summary>Theme rates per year or month, with the chart drawn as <paramref name="chart"/> says: <c>theme_trend.csv</c> (every theme) and its chart.</summary>
    public DiscoveryResult<IReadOnlyList<ThemeTrendPoint>> RunTrend(DiscoveryOptions options, TrendPeriod period, TrendChartOptions chart, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chart);
        chart.Validate(_matcher.Themes);
        KeyValuePair<string, string?>[] settings =
        [
            new("by", period.ToString().ToLowerInvariant()), new("chart_themes", chart.Themes is { Count: > 0 } ? string.Join(";", chart.Themes) : null),
            new("chart_scale", chart.Relative ? "relative" : "rate"),
        ];
        return Run("trend", options, settings, cancellationToken,
            (corpus, warnings) => ThemeTrend.Compute(corpus.Summaries(new DocumentAnalyzer(Matcher(options), WordCounter.Jieba), corpus.Documents, cancellationToken), _matcher.Themes, period, warnings),
            (output, points) =>
            {
                if (!options.Charts)
                {
                    return [];
                }

                var periods = points.Select(p => p.Period).Distinct(StringComparer.Ordinal).ToList();
                var lines = chart.Drawn(_matcher.Themes).Select(theme => (theme, (IReadOnlyList<double>)periods.Select(p => points.First(x => x.Period == p && x.Theme == theme).Tally.Per1000Words).ToList())).ToList();
                LineChart.Write(output.Stage(ReportFiles.ThemeTrendChart), $"Themes by {period.ToString().ToLowerInvariant()} ({points.Where(p => p.Theme == _matcher.Themes[0]).Sum(p => p.Tally.Documents)} documents)",
                    periods, lines, AnalysisCharts.RateLabel, chart.Relative);
                return [ReportFiles.ThemeTrendChart];
            },
            points => [DiscoveryReports.ThemeTrend(period, points)]);
    }

    /// <summary>
    /// A concordance of the lexicon's terms (search terms, or one theme's terms): <c>kwic.csv</c>, every
    /// match or a seeded random sample of them with an empty <c>correct</c> column for hand checking.
    /// </summary>
    public DiscoveryResult<ConcordanceResult> RunConcordance(DiscoveryOptions options, ConcordanceOptions concordance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concordance);
        concordance.Validate();
        KeyValuePair<string, string?>[] settings =
        [
            new("terms", string.Join(";", _matcher.Themes)), new("context", Invariant(concordance.Context)),
            new("sample", concordance.Sample is { } size ? Invariant(size) : null), new("seed", concordance.Sample is null ? null : Invariant(concordance.Seed)),
        ];
        return Run("kwic", options, settings, cancellationToken,
            (corpus, _) =>
            {
                var all = Concordance.Find(corpus.Documents, _matcher, concordance.Themed, cancellationToken);
                var lines = concordance.Sample is { } size ? Concordance.Sample(all, size, concordance.Seed) : all;
                return new ConcordanceResult(all.Count, ConcordanceReport.Format(lines, concordance.Context), concordance.Sample is not null);
            },
            (output, result) =>
            {
                ConcordanceReport.Write(output.Stage(ReportFiles.Kwic), result.Lines, result.Sampled);
                return [ReportFiles.Kwic];
            });
    }

    private IEnumerable<string> CompareCharts(OutputDirectory output, Comparison comparison)
    {
        var groups = comparison.Keyness.Groups.Select(g => g.Name).ToList();
        const int Bars = 15;
        (string, double) Bar(KeyTerm t) => (t.Term, t.Score.G2);
        if (groups.Count == 2)
        {
            var terms = comparison.Keyness.Terms.Where(t => t.Group == groups[0]).ToList();
            KeynessChart.Write(output.Stage(ReportFiles.KeynessChart(null)), $"Key words: {groups[0]} vs {groups[1]}",
                terms.Where(t => t.Direction == "over").Take(Bars).Select(Bar).ToList(),
                terms.Where(t => t.Direction == "under").Take(Bars).Select(Bar).ToList(),
                $"more in {groups[0]}", $"more in {groups[1]}");
            yield return ReportFiles.KeynessChart(null);
        }
        else
        {
            foreach (var group in groups)
            {
                var terms = comparison.Keyness.Terms.Where(t => t.Group == group).ToList();
                KeynessChart.Write(output.Stage(ReportFiles.KeynessChart(group)), $"Key words: {group} vs the rest",
                    terms.Where(t => t.Direction == "over").Take(Bars).Select(Bar).ToList(),
                    terms.Where(t => t.Direction == "under").Take(Bars).Select(Bar).ToList(),
                    $"more in {group}", "more in the rest");
                yield return ReportFiles.KeynessChart(group);
            }
        }

        var series = groups.Select(g => (g, (IReadOnlyList<double>)_matcher.Themes.Select(theme => comparison.Themes.First(r => r.Group == g && r.Theme == theme).Tally.Per1000Words).ToList())).ToList();
        BarChart.Write(output.Stage(ReportFiles.ThemeByGroupChart), $"Themes by {comparison.By}", _matcher.Themes, series, AnalysisCharts.RateLabel);
        yield return ReportFiles.ThemeByGroupChart;
    }

    private DiscoveryResult<T> Run<T>(string command, DiscoveryOptions options, IReadOnlyList<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken,
        Func<Corpus, List<string>, T> compute, Func<OutputDirectory, T, IEnumerable<string>> write, Func<T, IReadOnlyList<ReportTable>>? tables = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var corpus = new Corpus(options);
        corpus.Add(options.Inputs, cancellationToken);
        var readMs = clock.ElapsedMilliseconds;
        var warnings = new List<string>(_lexicon.Warnings);
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
            Workbook.Write(output.Stage(ReportFiles.Workbook), [.. names.Where(n => n.EndsWith(".csv", StringComparison.Ordinal)).Select(n => (output.StagedPath(n), Workbook.LayoutOf(n)))]);
            names.Add(ReportFiles.Workbook);
        }

        if (options.Html && tables is not null)
        {
            DiscoveryHtml.Write(output.Stage(ReportFiles.Report), command, ToolVersion.Current, corpus.Documents.Count, corpus.Tokens, corpus.Documents.Sum(d => (long)d.Text.Length),
                _lexicon, _matcher.Themes, corpus.Inputs, problems, reportTables);
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
                new("lexicon", _lexicon.Source),
                new("text_column", options.Ingestion.TextColumn),
                new("id_column", options.Ingestion.IdColumn),
                new("charts", options.Charts ? "yes" : "no"),
                new("html", options.Html ? "yes" : "no"),
                new("xlsx", options.Workbook ? "yes" : "no"),
                new("normalize", options.Normalize ? "yes" : "no"),
                .. settings,
            ],
            _lexicon.Source,
            _lexicon.Sha256,
            _lexicon.Terms.Count,
            _matcher.Themes,
            corpus.Inputs,
            problems.Skipped(),
            [.. problems.Warnings().Select(w => w.Text)],
            corpus.Documents.Count,
            corpus.Tokens,
            corpus.Documents.Sum(d => (long)d.Text.Length),
            [new("read", readMs), new("compute", computeMs), new("total_before_write", clock.ElapsedMilliseconds)],
            _lexicon.ThemeLabels);
        ManifestWriter.Write(output.Stage(ReportFiles.Manifest), manifest, names);
        var reports = output.Commit();
        return new DiscoveryResult<T>(value, corpus.Documents.Count, problems, reports, clock.Elapsed);
    }

    /// <summary>The documents of <paramref name="language"/> (all when null); the others are left out with a warning.</summary>
    /// <exception cref="OptionsException">No document is in that language.</exception>
    private static List<Document> OfLanguage(IReadOnlyList<Document> documents, string? language, List<string> warnings)
    {
        if (language is null)
        {
            return [.. documents];
        }

        var kept = documents.Where(d => string.Equals(d.Metadata.Language, language, StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == 0)
        {
            throw new OptionsException($"--language {language}: none of the {documents.Count} document(s) is in that language.",
                $"Use one of the languages the documents have ({string.Join(", ", documents.Select(d => d.Metadata.Language ?? "und").Distinct().Order(StringComparer.Ordinal))}), or leave the option out.");
        }

        if (kept.Count < documents.Count)
        {
            warnings.Add($"--language {language}: {documents.Count - kept.Count} of {documents.Count} document(s) in other languages were left out.");
        }

        return kept;
    }

    /// <summary>Names for two input sets: their last path parts (joined with +), or "inputs" and "reference" when those coincide.</summary>
    private static (string First, string Second) SetNames(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        static string Name(IReadOnlyList<string> paths) =>
            string.Join("+", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)))));
        var (a, b) = (Name(first), Name(second));
        return string.Equals(a, b, StringComparison.Ordinal) || a.Length == 0 || b.Length == 0 ? ("inputs", "reference") : (a, b);
    }

    /// <summary>The matcher for <paramref name="options"/>: the pipeline's own, or one that matches the characters as written.</summary>
    private LexiconMatcher Matcher(DiscoveryOptions options) => options.Normalize ? _matcher : new LexiconMatcher(_lexicon, normalize: false);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The documents of a run, read fully; more input sets may be added (compare --vs).</summary>
    private sealed class Corpus(DiscoveryOptions options)
    {
        private readonly DocumentSource _source = new(options.Ingestion.Excluding(options.OutputDirectory));

        private readonly List<Document> _documents = [];
        private readonly ProblemLog _problems = new();

        public IReadOnlyList<Document> Documents => _documents;

        /// <summary>What reading the inputs met, in order.</summary>
        public IReadOnlyList<Problem> Problems => _problems.All;

        public IReadOnlyList<InputFileRecord> Inputs => _source.Inputs;

        /// <summary>Each analysed document's summary: a document is tokenised once, whichever job asks.</summary>
        private readonly Dictionary<Document, DocumentSummary> _summaries = new(ReferenceEqualityComparer.Instance);

        /// <summary>Tokens in the documents, by the counting rules: from their analysis, or counted for those not analysed.</summary>
        public long Tokens
        {
            get
            {
                var (tokens, buffer) = (0L, new TokenBuffer());
                foreach (var document in _documents)
                {
                    if (_summaries.TryGetValue(document, out var summary))
                    {
                        tokens += summary.Tokens;
                    }
                    else
                    {
                        CountingTokenizer.For(options.Normalize).Tokenize(document.Text, buffer);
                        tokens += buffer.Count;
                    }
                }

                return tokens;
            }
        }

        /// <summary>The summaries of <paramref name="documents"/> (documents of this corpus), analysed in parallel the first time they are asked for.</summary>
        public List<DocumentSummary> Summaries(DocumentAnalyzer analyzer, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
        {
            var missing = documents.Where(d => !_summaries.ContainsKey(d)).ToList();
            var analysed = missing.AsParallel().AsOrdered().WithCancellation(cancellationToken)
                .Select(d => analyzer.Analyze(d, cancellationToken))
                .Select(a => new DocumentSummary(a.Document.Id, a.Document.Metadata, a.Tokens, a.Words, a.Segments.Sentences.Count, a.Themes))
                .ToList();
            foreach (var (document, summary) in missing.Zip(analysed))
            {
                _summaries[document] = summary;
            }

            return [.. documents.Select(d => _summaries[d])];
        }

        /// <summary>Reads the documents under <paramref name="inputs"/>; returns them.</summary>
        /// <exception cref="CommonProsperityException">None could be read.</exception>
        public List<Document> Add(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
        {
            var files = _source.Discover(inputs, _problems);
            if (files.Count == 0)
            {
                throw _source.NothingFound(inputs, _problems.Skipped);
            }

            var documents = _source.Read(files, _problems, cancellationToken).ToList();
            if (documents.Count == 0)
            {
                throw DocumentSource.NoneRead(files.Count, _problems.Skipped);
            }

            _documents.AddRange(documents);

            return documents;
        }
    }
}
