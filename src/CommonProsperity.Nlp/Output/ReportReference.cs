using System.Text;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The column reference of docs/reports.md, generated from the reports' declarations
/// (<see cref="AnalysisReports"/>, <see cref="DiscoveryReports"/>, <see cref="ClassificationReports"/>, ...), so
/// that the page cannot drift from what the tool writes.
/// </summary>
internal static class ReportReference
{
    /// <summary>The line before the generated tables in docs/reports.md.</summary>
    public const string Begin = "<!-- Generated from src/CommonProsperity.Nlp/Output/AnalysisReports.cs by ReportReference; a test checks it is current (CPNLP_UPDATE_DOCS=1 dotnet test --filter ReportReference rewrites it). -->";

    /// <summary>The line after them.</summary>
    public const string End = "<!-- End of the generated column tables. -->";

    /// <summary>The line before the generated table of the report only <c>merge</c> writes.</summary>
    public const string MergeBegin = "<!-- Generated from AnalysisReports.MergeOnly by ReportReference, checked and rewritten by the same test. -->";

    /// <summary>The line after it.</summary>
    public const string MergeEnd = "<!-- End of the generated column table of merge. -->";

    /// <summary>The line before the generated tables of the discovery commands' declared reports.</summary>
    public const string DiscoveryBegin = "<!-- Generated from src/CommonProsperity.Nlp/Output/DiscoveryReports.cs, TrendReports.cs and PhraseReports.cs by ReportReference, checked and rewritten by the same test. -->";

    /// <summary>The line after them.</summary>
    public const string DiscoveryEnd = "<!-- End of the generated column tables of the discovery commands. -->";

    /// <summary>The line before the generated tables of the classifier's reports.</summary>
    public const string ClassifierBegin = "<!-- Generated from src/CommonProsperity.Nlp/Output/ClassificationReports.cs by ReportReference, checked and rewritten by the same test. -->";

    /// <summary>The line after them.</summary>
    public const string ClassifierEnd = "<!-- End of the generated column tables of the classifier. -->";

    /// <summary>The discovery commands' reports (<c>topics</c>, <c>compare</c>, <c>trend</c>, <c>lexicon suggest</c>, <c>trend --terms</c>, <c>ngrams</c>, <c>collocations</c>).</summary>
    public static IReadOnlyList<IReportLayout> Discovery { get; } = [.. DiscoveryReports.All, .. TrendReports.All, .. PhraseReports.All];

    /// <summary>The tables of <paramref name="layouts"/>, between <paramref name="begin"/> and <paramref name="end"/> (by default <see cref="Begin"/> and <see cref="End"/>), with LF line ends.</summary>
    public static string Markdown(IEnumerable<IReportLayout> layouts, string begin = Begin, string end = End)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        var text = new StringBuilder();
        text.Append(begin).Append('\n');
        foreach (var layout in layouts)
        {
            text.Append('\n').Append("<a id=\"").Append(Anchor(layout.File)).Append("\"></a>**`").Append(layout.File).Append("`** — ").Append(layout.Rows).Append('\n').Append('\n');
            text.Append("| column | format | meaning |\n|---|---|---|\n");
            foreach (var column in layout.Columns)
            {
                var name = column.PerTheme ? layout.Each + column.Name : column.Name;
                text.Append("| `").Append(name).Append("` | ").Append(Describe(column.Format)).Append(" | ").Append(column.Meaning).Append(Condition(column.Only)).Append(" |\n");
            }

            if (layout.MetadataColumns)
            {
                text.Append("| `").Append(ReportLayout<object>.MetadataPrefix).Append("*` | text | the documents' other metadata columns (from `sources.csv` or the CSV row), in the order first met |\n");
            }
        }

        text.Append('\n').Append(end).Append('\n');
        return text.ToString();
    }

    /// <summary>The anchor of a report's table, for links from other pages (<c>reports.md#topics-csv</c>).</summary>
    public static string Anchor(string file) => (file ?? throw new ArgumentNullException(nameof(file))).Replace('.', '-').Replace('_', '-');

    private static string Condition(ColumnCondition only) => only switch
    {
        ColumnCondition.ThemeLabels => "; only when the lexicon's themes have labels (a dictionary whose category names are not ids, see [Lexicons](lexicons.md#dictionaries-liwc-liwc-22-wordstat-quanteda-lexicoder-yoshikoder))",
        ColumnCondition.Weights => "; only when the lexicon's terms have weights",
        ColumnCondition.FullEvidence => "; only with the full evidence, the default ([Analyse](analyze.md#evidence-full-offsets-or-none))",
        _ => string.Empty,
    };

    private static string Describe(ColumnFormat format) => format switch
    {
        ColumnFormat.Integer => "integer",
        ColumnFormat.Rate => "number, 4 decimals",
        ColumnFormat.Precise => "number, 6 significant digits",
        _ => "text",
    };
}
