using System.Text.Json;
using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Output.Html;

/// <summary>
/// <c>report.html</c> of an <c>analyze</c> (or <c>merge</c>) run: the run at a glance, the theme profile,
/// the documents × themes heatmap with the documents' metadata, the evidence behind each cell and the
/// terms that drive each theme. Every table is the CSV report's own rows (<see cref="AnalysisReports"/>),
/// so the page and the spreadsheets cannot disagree. Nothing in it depends on the clock, so two runs
/// over the same inputs write the same page.
/// </summary>
internal static class AnalysisHtml
{
    /// <summary>The terms listed per theme (all of them are in <c>term_frequency.csv</c>).</summary>
    public const int TermsPerTheme = 15;

    /// <summary>The per-theme column of <c>theme_frequency_wide.csv</c> that the heatmap shows: hits per 1,000 words, the rate that compares across languages.</summary>
    public const string RateColumn = "_per_1000_words";

    /// <summary>The column of <c>corpus_summary.csv</c> the theme profile shows: the same rate, pooled over a group.</summary>
    public const string GroupRateColumn = "per_1000_words";

    /// <summary>The document length the rate is per.</summary>
    public const string LengthColumn = "words";

    /// <summary>The per-theme column of <c>theme_frequency_wide.csv</c> with the hits.</summary>
    public const string HitsColumn = "_hits";

    /// <summary>Writes the page to <paramref name="path"/>.</summary>
    /// <param name="path">Where to write (in the staging folder).</param>
    /// <param name="run">What the run did (inputs, problems, totals, lexicon).</param>
    /// <param name="themes">The theme ids, in report order.</param>
    /// <param name="documents">The documents' rows, in report order.</param>
    /// <param name="groups">The rows of <c>corpus_summary.csv</c>.</param>
    /// <param name="terms">The rows of <c>term_frequency.csv</c>.</param>
    /// <param name="evidence">The evidence rows to embed.</param>
    public static void Write(string path, AnalysisRun run, IReadOnlyList<string> themes, IEnumerable<DocumentSummary> documents,
        IEnumerable<AnalysisReports.GroupRow> groups, IEnumerable<AnalysisReports.TermRow> terms, EvidenceSample evidence)
    {
        ArgumentNullException.ThrowIfNull(run);
        HtmlPage.Write(path, "analyze.js", json =>
        {
            json.WriteString("tool", "cpnlp");
            json.WriteString("version", run.ToolVersion);
            HtmlPage.WriteRun(json, run.Documents, run.Tokens, run.Characters, run.Lexicon, [.. run.Inputs.Select(i => i.Value)], run.Problems);
            HtmlPage.WriteThemes(json, themes);
            json.WriteString("rate_column", RateColumn);
            json.WriteString("hits_column", HitsColumn);
            json.WriteString("group_rate_column", GroupRateColumn);
            json.WriteString("length_column", LengthColumn);

            var wide = AnalysisReports.ThemeFrequencyWide.For(run.Lexicon);
            ReportTableJson.Write(json, "documents", wide.Header(themes), documents.Select(d => wide.Row(d, themes.Count)));

            var summary = AnalysisReports.CorpusSummary.For(run.Lexicon);
            ReportTableJson.Write(json, "profile", summary.Header(themes),
                groups.Where(g => g.By is "all" or "language").Select(g => summary.Row(g, themes.Count)));

            var termLayout = AnalysisReports.TermFrequency.For(run.Lexicon);
            json.WriteNumber("terms_per_theme", TermsPerTheme);
            ReportTableJson.Write(json, "terms", termLayout.Header(themes),
                terms.Where(t => t.Hits > 0 && t.Rank <= TermsPerTheme).Select(t => termLayout.Row(t, themes.Count)));

            WriteEvidence(json, evidence);
        });
    }

    private static void WriteEvidence(Utf8JsonWriter json, EvidenceSample evidence)
    {
        json.WriteStartObject("evidence");
        json.WriteString("file", ReportFiles.Evidence);
        if (evidence.Assemble is not null)
        {
            json.WriteString("assemble", evidence.Assemble);
        }

        json.WriteNumber("per_cell", evidence.PerCell);
        json.WriteString("kind", evidence.Kind);
        json.WriteNumber("max_per_cell", EvidenceSample.MaxPerCell);
        json.WriteNumber("row_budget", EvidenceSample.RowBudget);
        ManifestWriter.WriteStrings(json, "columns", evidence.Columns);
        json.WriteStartArray("cells");
        foreach (var cell in evidence.Cells)
        {
            json.WriteStartArray();
            json.WriteNumberValue(cell.Document);
            json.WriteNumberValue(cell.Theme);
            json.WriteStartArray();
            foreach (var row in cell.Rows)
            {
                ReportTableJson.WriteRow(json, row);
            }

            json.WriteEndArray();
            json.WriteEndArray();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
