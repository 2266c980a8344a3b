using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Writes the reports of an <c>analyze</c> run. Evidence rows stream to disk as each document arrives;
/// the corpus and term summaries are aggregated as they arrive, and the per-document rows wait in a
/// temporary file (<see cref="DocumentSpill"/>), so memory does not grow with the corpus. Nothing becomes
/// visible under its final name until <see cref="Complete"/> has written every report. The documents
/// come formatted (<see cref="DocumentReportBuilder"/>, on many threads) and are added in order, on one.
/// </summary>
internal sealed class AnalysisReportWriter : IDocumentReportSink
{
    /// <summary>Put before the name of every metadata column beyond title, date, publisher and language, so it can never clash with a report column.</summary>
    public const string MetadataPrefix = ReportLayout<DocumentSummary>.MetadataPrefix;

    private readonly OutputDirectory _output;
    private readonly LexiconMatcher _matcher;
    private readonly bool _html;
    private readonly bool _workbook;
    private readonly Discovery.TrendChartOptions _chart;
    private readonly EvidenceMode _evidenceMode;
    private readonly EvidenceAppender? _evidence;
    private readonly EvidenceParts? _parts;
    private readonly DocumentSpill _documents;
    private readonly CorpusSummaryTally _corpus;
    private readonly Charts.LongestItems<DocumentSummary>? _longest;
    private readonly long[] _termHits;
    private readonly int[] _termDocuments;
    private readonly long[] _termVetoed;
    private readonly List<string> _extraColumns = [];
    private readonly HashSet<string> _extraSeen = new(StringComparer.Ordinal);
    private long _cellsWithHits;

    /// <summary>
    /// Starts a set of reports in <paramref name="output"/>; with <paramref name="charts"/>, the charts of
    /// <see cref="Charts.AnalysisCharts"/> too (the themes and scale of <paramref name="chart"/>); with
    /// <paramref name="html"/>, <c>report.html</c>; with <paramref name="workbook"/>, <c>reports.xlsx</c>;
    /// <paramref name="evidence"/> says which columns the documents' evidence rows have. With
    /// <paramref name="evidenceParts"/> (a merge whose documents' rows stay in the shards' files), the
    /// evidence is listed in <c>evidence_parts.csv</c> instead of copied into <c>evidence.csv</c>.
    /// </summary>
    public AnalysisReportWriter(OutputDirectory output, LexiconMatcher matcher, bool charts = false, bool html = false, bool workbook = false, Discovery.TrendChartOptions? chart = null, EvidenceMode evidence = EvidenceMode.Full, bool evidenceParts = false)
    {
        _chart = chart ?? new Discovery.TrendChartOptions();
        _evidenceMode = evidence;
        _html = html;
        _workbook = workbook;
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _matcher = matcher ?? throw new ArgumentNullException(nameof(matcher));
        var terms = matcher.Lexicon.Terms.Count;
        _termHits = new long[terms];
        _termDocuments = new int[terms];
        _termVetoed = new long[terms];
        _corpus = new CorpusSummaryTally(matcher.Themes.Count);
        _longest = charts ? new Charts.LongestItems<DocumentSummary>(Charts.AnalysisCharts.MaxHeatmapRows, d => d.Tokens) : null;
        _documents = new DocumentSpill(output);
        if (evidenceParts)
        {
            _parts = new EvidenceParts(output.Stage(ReportFiles.EvidenceParts), output.FullPath);
        }
        else
        {
            _evidence = new EvidenceAppender(output.Stage(ReportFiles.Evidence), EvidenceFile.PreambleFor(matcher.Lexicon, evidence));
        }
    }

    /// <summary>The documents added so far.</summary>
    public int Documents => _documents.Count;

    /// <summary>For a merge that lists the evidence in the shards' files: the bytes of <c>evidence.csv</c> once assembled; null otherwise.</summary>
    public long? ListedEvidenceBytes => _parts?.Bytes;

    /// <summary>Adds one document, in input order: writes its evidence rows and keeps its summary.</summary>
    public void Add(DocumentReport report) => Add(0, report);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The evidence is listed in parts (a merge, which analyses no document).</exception>
    public IEvidenceTarget OpenEvidence() =>
        _evidence?.OpenDirect() ?? throw new InvalidOperationException("a merge lists the shards' evidence files; no document's rows are written into it.");

    /// <inheritdoc />
    public void Add(int file, DocumentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (_parts is not null)
        {
            _parts.Append(report);
        }
        else
        {
            _evidence!.Append(report);
        }

        foreach (var (term, hits, vetoed) in report.Terms)
        {
            _termHits[term] += hits;
            _termVetoed[term] += vetoed;
            if (hits > 0)
            {
                _termDocuments[term]++;
            }
        }

        var metadata = report.Summary.Metadata;
        foreach (var (key, _) in metadata.Extra)
        {
            if (_extraSeen.Add(key))
            {
                _extraColumns.Add(key);
            }
        }

        _documents.Add(report.Summary);
        _corpus.Add(report.Summary);
        _longest?.Add(report.Summary);
        _cellsWithHits += report.Summary.Themes.Count(t => t.Hits > 0);
    }

    /// <summary>Writes the aggregate reports and the manifest, then moves every report into place.</summary>
    /// <returns>The final paths of the reports.</returns>
    public IReadOnlyList<string> Complete(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var manifest = run.Manifest(_matcher.Themes);
        var evidenceSha256 = _evidence?.Complete();
        _parts?.Complete();
        var evidenceFile = _parts is null ? ReportFiles.Evidence : ReportFiles.EvidenceParts;

        // The reports are independent of each other once every document is in: the charts, report.html and
        // the wide CSV are written on the thread pool while this thread writes the other CSV reports (a serial
        // tail of one to three seconds otherwise, with one core idle). Each is staged on this thread, in the
        // same order as ever (staging is not thread-safe; a report written off it goes to its staged path).
        var charts = _longest is null ? null : Task.Run(() => Charts.AnalysisCharts.Write(_output.StagedPath, _longest.Items, _corpus, _matcher.Themes, _chart));
        var html = _html ? Task.Run(() => WriteHtml(run)) : null;
        var wide = Task.Run(() => WriteWide(_output.StagedPath(ReportFiles.ThemeFrequencyWide)));
        string[] csvs = [evidenceFile, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency];
        try
        {
            WriteThemeFrequency(_output.Stage(ReportFiles.ThemeFrequency));
            WriteCorpusSummary(_output.StagedPath(ReportFiles.CorpusSummary));
            WriteTermFrequency(_output.StagedPath(ReportFiles.TermFrequency));
        }
        finally
        {
            // Never leave a thread writing into a staging folder that is about to be removed.
            WaitQuietly(charts, html, wide);
        }

        wide.GetAwaiter().GetResult();
        _output.Stage(ReportFiles.ThemeFrequencyWide);
        _output.Stage(ReportFiles.CorpusSummary);
        _output.Stage(ReportFiles.TermFrequency);

        // The charts are drawn from the corpus's tallies and the longest documents, kept as they arrived.
        IReadOnlyList<string> chartNames = charts is null ? [] : charts.GetAwaiter().GetResult();
        foreach (var name in chartNames)
        {
            _output.Stage(name);
        }

        string[] page = [];
        if (html is not null)
        {
            page = [html.GetAwaiter().GetResult()];
            _output.Stage(page[0]);
        }

        if (_workbook)
        {
            // The summaries first, the evidence (the longest sheet) last; evidence left in the shards is not in the workbook, only its listing.
            Workbook.Write(_output.Stage(ReportFiles.Workbook), [.. csvs.OrderBy(c => c == evidenceFile).Select(_output.StagedPath)]);
            page = [.. page, ReportFiles.Workbook];
        }

        var hashes = csvs.Concat(chartNames).Concat(page).ToDictionary(
            name => name,
            name => name == ReportFiles.Evidence ? evidenceSha256! : Sha256Of(_output.StagedPath(name)), // the evidence, often GBs, was hashed as it was written
            StringComparer.Ordinal);
        // The command as report.html gives it, run in the merged folder: no absolute path, so it stays right when the folder
        // (with the shards' folders beside it, which evidence_parts.csv names relative to it) is moved, and nothing to quote.
        var parts = _parts is null ? null : ManifestJson.EvidencePartsJson.Listed(_parts.Parts, _parts.Files.Count, _parts.Bytes, _parts.Rows, EvidenceParts.AssembleCommand("."));
        ManifestWriter.Write(_output.Stage(ReportFiles.Manifest), manifest, [.. csvs, .. chartNames, .. page, ReportFiles.Manifest], hashes, parts);
        return _output.Commit();
    }

    /// <summary>Closes the evidence file and deletes the per-document rows; staged files are removed by the output folder unless committed.</summary>
    public void Dispose()
    {
        _evidence?.Dispose();
        _parts?.Dispose();
        _documents.Dispose();
    }

    private void WriteThemeFrequency(string path)
    {
        using var csv = CsvReport.Create(path);
        var layout = AnalysisReports.ThemeFrequency.For(_matcher.Lexicon);
        csv.WriteRow(layout.Header(_matcher.Themes, _extraColumns));
        foreach (var document in _documents.Read())
        {
            var extra = ExtraValues(document.Metadata);
            for (var t = 0; t < _matcher.Themes.Count; t++)
            {
                csv.WriteRow(layout.Row(new AnalysisReports.ThemeRow(document, _matcher.Themes[t], _matcher.Lexicon.LabelOf(_matcher.Themes[t]), document.Themes[t]), _matcher.Themes.Count, extra));
            }
        }
    }

    private void WriteWide(string path)
    {
        using var csv = CsvReport.Create(path);
        var layout = AnalysisReports.ThemeFrequencyWide.For(_matcher.Lexicon);
        csv.WriteRow(layout.Header(_matcher.Themes));
        foreach (var document in _documents.Read())
        {
            csv.WriteRow(layout.Row(document, _matcher.Themes.Count));
        }
    }

    private void WriteCorpusSummary(string path)
    {
        using var csv = CsvReport.Create(path);
        _corpus.Write(csv, _matcher.Lexicon, _matcher.Themes);
    }

    /// <summary>
    /// Writes <c>report.html</c> from the same rows as the CSV reports, with a sample of the evidence file
    /// just written, to its place in the staging folder (off the calling thread: the caller stages it).
    /// </summary>
    private string WriteHtml(AnalysisRun run)
    {
        var ids = _documents.Read().Select(d => d.Id).ToList();
        // Without the context columns the page has no snippets to show; it says what the evidence file holds.
        // Evidence left in the shards is sampled from their files, each a valid evidence file of its own.
        string[] files = _parts is null ? [_output.StagedPath(ReportFiles.Evidence)] : [.. _parts.Files.Select(f => f.Path)];
        var evidence = (_evidenceMode == EvidenceMode.Full
            ? Html.EvidenceSample.Read(files, ids, _matcher.Themes, Html.EvidenceSample.CapFor(_cellsWithHits))
            : new Html.EvidenceSample(0, [], []) { Kind = EvidenceModeNames.Name(_evidenceMode) }) with { Assemble = _parts is null ? null : EvidenceParts.AssembleCommand(".") };
        Html.AnalysisHtml.Write(_output.StagedPath(ReportFiles.Report), run, _matcher.Themes, _documents.Read(), _corpus.Rows(_matcher.Lexicon, _matcher.Themes), TermRows(), evidence);
        return ReportFiles.Report;
    }

    private void WriteTermFrequency(string path)
    {
        using var csv = CsvReport.Create(path);
        var layout = AnalysisReports.TermFrequency.For(_matcher.Lexicon);
        csv.WriteRow(layout.Header(_matcher.Themes));
        foreach (var row in TermRows())
        {
            csv.WriteRow(layout.Row(row, _matcher.Themes.Count));
        }
    }

    /// <summary>The rows of <c>term_frequency.csv</c>: per theme, its terms by hits.</summary>
    private IEnumerable<AnalysisReports.TermRow> TermRows()
    {
        var terms = _matcher.Lexicon.Terms;
        for (var t = 0; t < _matcher.Themes.Count; t++)
        {
            var theme = _matcher.Themes[t];
            var indices = Enumerable.Range(0, terms.Count).Where(i => string.Equals(terms[i].Theme, theme, StringComparison.Ordinal))
                .OrderByDescending(i => _termHits[i]).ThenBy(i => terms[i].Term, StringComparer.Ordinal).ToList();
            var total = indices.Sum(i => _termHits[i]);
            var rank = 0;
            foreach (var i in indices)
            {
                rank++;
                yield return new AnalysisReports.TermRow(terms[i], _matcher.Lexicon.LabelOf(theme), rank, _termHits[i], _termDocuments[i], AnalysisReports.Share(_termHits[i], total), _termVetoed[i]);
            }
        }
    }

    private List<string?> ExtraValues(DocumentMetadata metadata)
    {
        var values = new List<string?>(_extraColumns.Count);
        foreach (var column in _extraColumns)
        {
            var value = metadata.Extra.FirstOrDefault(kv => string.Equals(kv.Key, column, StringComparison.Ordinal)).Value;
            values.Add(value);
        }

        return values;
    }

    /// <summary>Waits for the reports drawn on the thread pool; their failures are seen where their results are taken.</summary>
    private static void WaitQuietly(params Task?[] tasks)
    {
        foreach (var task in tasks)
        {
            try
            {
                task?.Wait();
            }
            catch (AggregateException)
            {
                // Rethrown where the result is taken, or the first failure is already on its way.
            }
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
