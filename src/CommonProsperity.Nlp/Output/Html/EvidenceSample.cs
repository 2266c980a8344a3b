using CommonProsperity.Nlp.Errors;
using CsvHelper;

namespace CommonProsperity.Nlp.Output.Html;

/// <summary>
/// The evidence rows the page embeds: for each document × theme, its first <see cref="PerCell"/> rows of
/// <c>evidence.csv</c> (read back from the file just written, so the page shows exactly its rows). The cap
/// keeps the page small enough to mail: every cell with hits gets the same share of
/// <see cref="RowBudget"/> rows, at most <see cref="MaxPerCell"/>; the page says when a cell holds more
/// and points to <c>evidence.csv</c> (docs/report-html.md).
/// </summary>
/// <param name="PerCell">The rows kept per cell (0 when the corpus has more cells with hits than <see cref="RowBudget"/>).</param>
/// <param name="Columns">The evidence columns kept per row: every declared column but <c>document</c> and <c>theme</c>, which the cell gives.</param>
/// <param name="Cells">Per cell with hits, in document then theme order: the document's and theme's index and the rows kept.</param>
internal sealed record EvidenceSample(int PerCell, IReadOnlyList<string> Columns, IReadOnlyList<EvidenceSample.Cell> Cells)
{
    /// <summary>What the run's evidence file holds (<c>full</c>, <c>offsets</c> or <c>none</c>); a sample is read only from the full evidence.</summary>
    public string Kind { get; init; } = EvidenceModeNames.Name(EvidenceMode.Full);

    /// <summary>
    /// For a merge that left the evidence in the shards' folders, the command that writes <c>evidence.csv</c>
    /// (the page says the file is not there yet); null when it is in the folder.
    /// </summary>
    public string? Assemble { get; init; }

    /// <summary>The most evidence rows one cell embeds.</summary>
    public const int MaxPerCell = 100;

    /// <summary>The most evidence rows the page embeds in all (about 2-4 MB of English or Chinese context).</summary>
    public const int RowBudget = 10_000;

    /// <summary>The rows per cell for <paramref name="cellsWithHits"/> cells with hits.</summary>
    public static int CapFor(long cellsWithHits) => cellsWithHits == 0 ? MaxPerCell : (int)Math.Min(MaxPerCell, RowBudget / cellsWithHits);

    /// <summary>Reads the first <paramref name="perCell"/> rows of each cell from the evidence files at <paramref name="paths"/>.</summary>
    /// <param name="paths">The evidence file (staged, complete), or the shards' evidence files of a merge that left them in place (each a document's rows whole, in document order).</param>
    /// <param name="documents">The documents' ids, in report order.</param>
    /// <param name="themes">The theme ids, in report order.</param>
    /// <param name="perCell">The rows to keep per cell.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="OutputException">The file cannot be read back.</exception>
    public static EvidenceSample Read(IReadOnlyList<string> paths, IReadOnlyList<string> documents, IReadOnlyList<string> themes, int perCell, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var declared = AnalysisReports.Evidence.Columns;
        var kept = declared.Where(c => c.Name is not ("document" or "theme" or "theme_label")).ToArray(); // a sample is per document and theme already
        var cells = new List<Cell>();
        if (perCell == 0)
        {
            return new EvidenceSample(0, [.. kept.Select(c => c.Name)], cells);
        }

        var documentIndex = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            documentIndex.TryAdd(documents[d], d);
        }

        var themeIndex = themes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var open = new Dictionary<(int Document, int Theme), Cell>();
        var current = -1;
        foreach (var path in paths)
        {
            ReadFile(path, kept, documentIndex, themeIndex, perCell, open, cells, ref current, cancellationToken);
        }

        cells.Sort((a, b) => a.Document != b.Document ? a.Document.CompareTo(b.Document) : a.Theme.CompareTo(b.Theme));
        return new EvidenceSample(perCell, [.. kept.Select(c => c.Name)], cells);
    }

    private static void ReadFile(string path, ReportColumn<AnalysisReports.Hit>[] kept, Dictionary<string, int> documentIndex, Dictionary<string, int> themeIndex, int perCell,
        Dictionary<(int Document, int Theme), Cell> open, List<Cell> cells, ref int current, CancellationToken cancellationToken)
    {
        try
        {
            using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default);
            var header = csv.Headers.Select(h => h.TrimStart('\uFEFF')).ToList();
            var documentField = header.IndexOf("document");
            var themeField = header.IndexOf("theme");
            var fields = kept.Select(c => (Index: header.IndexOf(c.Name), c.Format)).ToArray();
            while (csv.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = CsvReport.UnescapeFormula(csv.GetString(documentField));
                var theme = csv.GetString(themeField);
                if (!documentIndex.TryGetValue(document, out var d) || !themeIndex.TryGetValue(theme, out var t))
                {
                    continue;
                }

                if (d != current)
                {
                    open.Clear(); // the rows come in document order: an earlier document's cells are done
                    current = d;
                }

                if (!open.TryGetValue((d, t), out var cell))
                {
                    open[(d, t)] = cell = new Cell(d, t, []);
                    cells.Add(cell);
                }

                if (cell.Rows.Count < perCell)
                {
                    cell.Rows.Add([.. fields.Select(f => Value(csv.GetString(f.Index), f.Format))]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException)
        {
            throw new OutputException($"cannot read the evidence back for report.html ({e.Message}).", path, "Check the disk, or turn the HTML report off for this run.", e);
        }
    }

    /// <summary>A cell as the CSV holds it, typed back: integers as numbers, text without the formula escape.</summary>
    private static object Value(string cell, ColumnFormat format) =>
        format == ColumnFormat.Integer && long.TryParse(cell, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : CsvReport.UnescapeFormula(cell);

    /// <summary>One document × theme: the rows kept.</summary>
    internal sealed record Cell(int Document, int Theme, List<object[]> Rows);
}
