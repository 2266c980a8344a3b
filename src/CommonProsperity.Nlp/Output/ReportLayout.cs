namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A CSV report's shape, declared once: its file, what a row is, and its columns in order. Columns
/// <see cref="ReportColumn{TRow}.PerTheme"/> expand over the themes; with <see cref="MetadataColumns"/>,
/// the documents' other metadata columns follow at the end as <c>meta_*</c>.
/// </summary>
/// <typeparam name="TRow">What one report row is made from.</typeparam>
/// <param name="File">The report's file name.</param>
/// <param name="Rows">What one row stands for, for docs/reports.md.</param>
/// <param name="Columns">The columns, in order.</param>
/// <param name="MetadataColumns">Whether the other metadata columns follow at the end.</param>
/// <param name="Each">What the columns <see cref="ReportColumn{TRow}.PerTheme"/> stand once for, as docs/reports.md names them (<c>&lt;theme&gt;</c>; <c>topic_&lt;n&gt;</c> for topics).</param>
internal sealed record ReportLayout<TRow>(string File, string Rows, IReadOnlyList<ReportColumn<TRow>> Columns, bool MetadataColumns = false, string Each = "<theme>") : IReportLayout
{
    /// <summary>Put before the name of every metadata column beyond title, date, publisher and language, so it can never clash with a report column.</summary>
    public const string MetadataPrefix = "meta_";

    IReadOnlyList<IReportColumn> IReportLayout.Columns => Columns;

    /// <summary>
    /// The layout for reports over <paramref name="lexicon"/>: its columns for theme labels only when the
    /// lexicon's themes have labels, its weighted columns only when its terms have weights, the evidence's
    /// context columns only with <paramref name="evidence"/> <see cref="EvidenceMode.Full"/>.
    /// </summary>
    public ReportLayout<TRow> For(Counting.Lexicon lexicon, EvidenceMode evidence = EvidenceMode.Full)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        var labels = lexicon.ThemeLabels is not null;
        var weights = lexicon.HasWeights;
        return this with
        {
            Columns = [.. Columns.Where(c => c.Only switch
            {
                ColumnCondition.ThemeLabels => labels,
                ColumnCondition.Weights => weights,
                ColumnCondition.FullEvidence => evidence == EvidenceMode.Full,
                _ => true,
            })],
        };
    }

    /// <summary>The header record for <paramref name="themes"/> and, when <see cref="MetadataColumns"/>, the metadata columns <paramref name="extra"/>.</summary>
    public object?[] Header(IReadOnlyList<string> themes, IReadOnlyList<string>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(themes);
        var header = new List<object?>();
        foreach (var column in Columns)
        {
            if (column.PerTheme)
            {
                header.AddRange(themes.Select(t => t + column.Name));
            }
            else
            {
                header.Add(column.Name);
            }
        }

        header.AddRange((extra ?? []).Select(c => MetadataPrefix + c));
        return [.. header];
    }

    /// <summary>The record for <paramref name="row"/>, with <paramref name="themes"/> themes and the metadata values <paramref name="extra"/>.</summary>
    public object?[] Row(TRow row, int themes, IReadOnlyList<string?>? extra = null)
    {
        var cells = new List<object?>();
        foreach (var column in Columns)
        {
            if (column.PerTheme)
            {
                for (var t = 0; t < themes; t++)
                {
                    cells.Add(column.Cell(row, t));
                }
            }
            else
            {
                cells.Add(column.Cell(row));
            }
        }

        cells.AddRange(extra ?? []);
        return [.. cells];
    }

    /// <summary>Writes the CSV report of <paramref name="rows"/> to <paramref name="path"/>, row by row, for a layout without per-theme or metadata columns.</summary>
    public void WriteCsv(string path, IEnumerable<TRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvReport.Create(path);
        csv.WriteRow(Header([]));
        foreach (var row in rows)
        {
            csv.WriteRow(Row(row, 0));
        }
    }

    /// <summary>The report of <paramref name="rows"/> as a table (CSV and report.html), for a layout without per-theme or metadata columns.</summary>
    public ReportTable Table(IEnumerable<TRow> rows) => Table(rows, []);

    /// <summary>The report of <paramref name="rows"/> as a table (CSV and report.html), the per-theme columns once for each of <paramref name="themes"/>.</summary>
    public ReportTable Table(IEnumerable<TRow> rows, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(themes);
        return new ReportTable(File, [.. Header(themes).Select(h => (string)h!)], [.. rows.Select(r => Row(r, themes.Count))]);
    }
}
