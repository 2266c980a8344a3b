using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The reports of <c>lexicon check</c>, their columns declared once: <c>lexicon_check.csv</c> (per language
/// and theme), <c>lexicon_terms.csv</c> (per term) and <c>lexicon_exclusions.csv</c> (per exclusion).
/// </summary>
internal static class LexiconCheckReports
{
    /// <summary><c>lexicon_check.csv</c>.</summary>
    public static ReportLayout<ThemeRow> Themes { get; } = new(
        ReportFiles.LexiconCheck,
        "one row per language (`all`, then each language) × theme; a passage is positive for a theme when any of its terms match.",
        [
            new("theme", ColumnFormat.Text, "the theme id", r => r.Metrics.Theme),
            new("lang", ColumnFormat.Text, "the language of the passages, or `all`", r => r.Metrics.Language),
            new("precision", ColumnFormat.Rate, "`true_positives / (true_positives + false_positives)`", r => r.Metrics.Precision),
            new("recall", ColumnFormat.Rate, "`true_positives / support`", r => r.Metrics.Recall),
            new("f1", ColumnFormat.Rate, "the harmonic mean of precision and recall", r => r.Metrics.F1),
            new("support", ColumnFormat.Integer, "passages labelled with the theme", r => r.Metrics.Support),
            new("true_positives", ColumnFormat.Integer, "passages with a hit and the label", r => r.Metrics.TruePositives),
            new("false_positives", ColumnFormat.Integer, "passages with a hit but not the label", r => r.Metrics.FalsePositives),
            new("false_negatives", ColumnFormat.Integer, "passages with the label but no hit", r => r.Metrics.FalseNegatives),
            new("passages", ColumnFormat.Integer, "passages of the language compared", r => r.Passages),
        ]);

    /// <summary><c>lexicon_terms.csv</c>.</summary>
    public static ReportLayout<TermAgreement> Terms { get; } = new(
        ReportFiles.LexiconTerms,
        "one row per term, by theme (codebook order), then the passages it fires on (most first).",
        [
            new("theme", ColumnFormat.Text, "the term's theme", t => t.Theme),
            new("term", ColumnFormat.Text, "the term as written in the lexicon", t => t.Term),
            new("passages", ColumnFormat.Integer, "passages the term matches in", t => t.Passages),
            new("on_theme", ColumnFormat.Integer, "of those, passages labelled with the term's theme", t => t.OnTheme),
            new("precision", ColumnFormat.Rate, "`on_theme / passages`", t => t.Precision),
            new("other_themes", ColumnFormat.Text, "the labels of the other passages, `theme:count` separated by `;` (`(none)` for passages without a label)", t => t.OtherThemes),
        ]);

    /// <summary><c>lexicon_exclusions.csv</c>.</summary>
    public static ReportLayout<ExclusionEffect> Exclusions { get; } = new(
        ReportFiles.LexiconExclusions,
        "one row per exclusion of every term, in lexicon order.",
        [
            new("theme", ColumnFormat.Text, "the term's theme", x => x.Theme),
            new("term", ColumnFormat.Text, "the term", x => x.Term),
            new("exclusion", ColumnFormat.Text, "the phrase that vetoes a match of the term inside it", x => x.Exclusion),
            new("vetoed", ColumnFormat.Integer, "matches of the term it vetoed", x => x.Vetoed),
            new("passages", ColumnFormat.Integer, "passages with a vetoed match", x => x.Passages),
            new("passages_with_theme", ColumnFormat.Integer, "of those, passages labelled with the term's theme", x => x.PassagesWithTheme),
        ]);

    /// <summary>Stages the three reports in <paramref name="output"/>; terms in the order of <paramref name="themes"/>.</summary>
    public static void Write(OutputDirectory output, LexiconEvaluation evaluation, IReadOnlyList<string> themes)
    {
        var themeRows = evaluation.Themes.Select(m => new ThemeRow(m, evaluation.Passages.GetValueOrDefault(m.Language)));
        Write(output, Themes, themeRows);
        var order = themes.Select((theme, i) => (theme, i)).ToDictionary(x => x.theme, x => x.i, StringComparer.Ordinal);
        Write(output, Terms, evaluation.Terms.OrderBy(t => order.GetValueOrDefault(t.Theme, -1)).ThenByDescending(t => t.Passages).ThenBy(t => t.Term, StringComparer.Ordinal));
        Write(output, Exclusions, evaluation.Exclusions);
    }

    private static void Write<TRow>(OutputDirectory output, ReportLayout<TRow> layout, IEnumerable<TRow> rows) => layout.WriteCsv(output.Stage(layout.File), rows);

    /// <summary>A row of <c>lexicon_check.csv</c>: a theme's metrics on the passages of one language.</summary>
    /// <param name="Metrics">The theme's metrics.</param>
    /// <param name="Passages">Passages of the language.</param>
    public readonly record struct ThemeRow(ThemeMetrics Metrics, int Passages);
}
