using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The columns of the CSV reports of <c>topics</c>, <c>compare</c>, <c>trend</c> and <c>lexicon suggest</c>,
/// declared once: the CSV writer, report.html, the workbook and the column reference of docs/reports.md
/// read them from here. Rates have four decimals; probabilities, statistics and p-values six significant
/// digits (<c>1.23457E-05</c>), since they span many orders of magnitude.
/// </summary>
internal static class DiscoveryReports
{
    private const string AsInCorpusSummary = "as in `corpus_summary.csv`";

    /// <summary><c>topics.csv</c>.</summary>
    public static ReportLayout<TopicTermRow> TopicTerms { get; } = new(
        ReportFiles.Topics,
        "`topics`: one row per topic × top word, topics by number, words by rank.",
        [
            new("topic", ColumnFormat.Integer, "the topic number, from 1", r => r.Topic.Number),
            new("rank", ColumnFormat.Integer, "1 for the topic's most probable word", r => r.Term.Rank),
            new("term", ColumnFormat.Text, "the word", r => r.Term.Term),
            new("weight", ColumnFormat.Precise, "the word's probability in the topic", r => r.Term.Weight),
            new("lang", ColumnFormat.Text, "the word's language (`en`, `zh`)", r => r.Term.Language),
            new("term_themes", ColumnFormat.Text, "the themes whose lexicon terms match the word (`慈善` inside `慈善组织`; `party` with `leadership` for `party leadership`), `;`-separated", r => r.Term.Themes),
            new("topic_theme", ColumnFormat.Text, "the topic's label: the theme whose terms carry the largest share of the weight of its top 20 words, if that share is at least 10%; empty otherwise", r => r.Topic.Theme),
            new("topic_theme_share", ColumnFormat.Rate, "that share", r => r.Topic.ThemeShare),
            new("topic_share", ColumnFormat.Rate, "the topic's share of all modelled words", r => r.Topic.Share),
            new("topic_label", ColumnFormat.Text, "its first four words", r => r.Topic.Label()),
        ]);

    /// <summary><c>document_topics.csv</c>.</summary>
    public static ReportLayout<DocumentTopics> DocumentTopicShares { get; } = new(
        ReportFiles.DocumentTopics,
        "`topics`: one row per document, in input order.",
        [
            new("document", ColumnFormat.Text, "the document id", d => d.Id),
            new("title", ColumnFormat.Text, "its title", d => d.Metadata.Title),
            new("date", ColumnFormat.Text, "its date, as written", d => d.Metadata.Date),
            new("publisher", ColumnFormat.Text, "its publisher", d => d.Metadata.Publisher),
            new("language", ColumnFormat.Text, "its language", d => d.Metadata.Language),
            new("passages", ColumnFormat.Integer, "the passages it was cut into", d => d.Passages),
            new("words", ColumnFormat.Integer, "its modelled words", d => d.Words),
            new("main_topic", ColumnFormat.Integer, "the topic with the largest share (empty for a document without modelled words)", MainTopic),
            new(string.Empty, ColumnFormat.Rate, "the document's share of each topic, `topic_1` … `topic_K` (they sum to 1)", (d, t) => d.Shares[t], PerTheme: true),
        ],
        Each: "topic_<n>");

    /// <summary><c>keyness.csv</c>.</summary>
    public static ReportLayout<KeyTermRow> KeyTerms { get; } = new(
        ReportFiles.Keyness,
        "`compare`: per group, its over-represented then its under-represented words, by rank.",
        [
            new("group_by", ColumnFormat.Text, "the field (`language`, `year`, ...) or `inputs` for a comparison with a second input set", r => r.GroupBy),
            new("group", ColumnFormat.Text, "the group", r => r.Term.Group),
            new("reference", ColumnFormat.Text, "what it is compared with: the other group, or `rest`", r => r.Term.Reference),
            new("direction", ColumnFormat.Text, "`over` (used more in the group) or `under` (used less)", r => r.Term.Direction),
            new("rank", ColumnFormat.Integer, "1 for the largest G² in its group and direction", r => r.Term.Rank),
            new("term", ColumnFormat.Text, "the word", r => r.Term.Term),
            new("lang", ColumnFormat.Text, "its language", r => r.Term.Language),
            new("count", ColumnFormat.Integer, "its occurrences in the group", r => r.Term.Count),
            new("reference_count", ColumnFormat.Integer, "its occurrences in the reference", r => r.Term.ReferenceCount),
            new("per_1000", ColumnFormat.Rate, "`count` per 1,000 counted words of the group", r => Rate.Per1000(r.Term.Count, r.Term.Words)),
            new("reference_per_1000", ColumnFormat.Rate, "`reference_count` per 1,000 counted words of the reference", r => Rate.Per1000(r.Term.ReferenceCount, r.Term.ReferenceWords)),
            new("log_ratio", ColumnFormat.Rate, "the effect size (negative for `under`)", r => r.Term.Score.LogRatio),
            new("g2", ColumnFormat.Precise, "G² (log-likelihood)", r => r.Term.Score.G2),
            new("g2_p", ColumnFormat.Precise, "its p-value", r => r.Term.Score.G2P),
            new("chi2", ColumnFormat.Precise, "Pearson's chi-square (no Yates correction)", r => r.Term.Score.Chi2),
            new("chi2_p", ColumnFormat.Precise, "its p-value", r => r.Term.Score.Chi2P),
            new("words", ColumnFormat.Integer, "words counted in the group", r => r.Term.Words),
            new("reference_words", ColumnFormat.Integer, "words counted in the reference", r => r.Term.ReferenceWords),
        ]);

    /// <summary><c>theme_by_group.csv</c>.</summary>
    public static ReportLayout<ThemeGroupRow> ThemeGroups { get; } = new(
        ReportFiles.ThemeByGroup,
        "`compare`: one row per group × theme.",
        [
            new("group_by", ColumnFormat.Text, "the field (`language`, `year`, ...) or `inputs` for a comparison with a second input set", r => r.GroupBy),
            new("group", ColumnFormat.Text, "the group", r => r.Row.Group),
            new("theme", ColumnFormat.Text, "the theme id", r => r.Row.Theme),
            .. TallyColumns<ThemeGroupRow>(r => r.Row.Tally),
            new("words", ColumnFormat.Integer, "words over the group's documents", r => r.Row.Tally.Words),
            new("per_1000_words", ColumnFormat.Rate, "`hits / words × 1000`: the rate to compare across languages, and the one charted", r => r.Row.Tally.Per1000Words),
            new("log_ratio", ColumnFormat.Rate, "the group against the rest: the effect size on hits and tokens", r => r.Row.Versus.LogRatio),
            new("g2", ColumnFormat.Precise, "the group against the rest: G²", r => r.Row.Versus.G2),
            new("g2_p", ColumnFormat.Precise, "its p-value", r => r.Row.Versus.G2P),
            new("chi2", ColumnFormat.Precise, "the theme's 2×k chi-square across all groups (the same on each of the theme's rows)", r => r.Row.Chi2),
            new("df", ColumnFormat.Integer, "its degrees of freedom", r => r.Row.DegreesOfFreedom),
            new("p", ColumnFormat.Precise, "its p-value", r => r.Row.P),
        ]);

    /// <summary><c>theme_trend.csv</c>.</summary>
    public static ReportLayout<ThemeTrendRow> ThemePeriods { get; } = new(
        ReportFiles.ThemeTrend,
        "`trend`: one row per period × theme, periods in time order (only periods with documents).",
        [
            new("period_by", ColumnFormat.Text, "`year` or `month`", r => r.By),
            new("period", ColumnFormat.Text, "the period: `yyyy` or `yyyy-MM`, from the documents' `date`", r => r.Point.Period),
            new("theme", ColumnFormat.Text, "the theme id", r => r.Point.Theme),
            .. TallyColumns<ThemeTrendRow>(r => r.Point.Tally),
            new("words", ColumnFormat.Integer, "words over the period's documents", r => r.Point.Tally.Words),
            new("per_1000_words", ColumnFormat.Rate, "`hits / words × 1000`: the rate to compare across languages, and the one charted", r => r.Point.Tally.Per1000Words),
        ]);

    /// <summary><c>lexicon_suggestions.csv</c>.</summary>
    public static ReportLayout<LexiconSuggestion> Suggestions { get; } = new(
        ReportFiles.LexiconSuggestions,
        "`lexicon suggest`: per theme, the candidate terms, best first.",
        [
            new("theme", ColumnFormat.Text, "the theme", s => s.Theme),
            new("rank", ColumnFormat.Integer, "1 for its best candidate", s => s.Rank),
            new("term", ColumnFormat.Text, "the candidate, written as a lexicon term would be", s => s.Term),
            new("lang", ColumnFormat.Text, "its language", s => s.Language),
            new("support", ColumnFormat.Integer, "passages labelled with the theme that hold it", s => s.Support),
            new("passages", ColumnFormat.Integer, "all passages that hold it", s => s.Passages),
            new("precision", ColumnFormat.Rate, "`support / passages`", s => s.Precision),
            new("precision_low", ColumnFormat.Rate, "the lower end of the precision's 95% Wilson interval (the ranking score)", s => s.PrecisionLow),
            new("recall_share", ColumnFormat.Rate, "`support` / passages labelled with the theme", s => s.RecallShare),
            new("new_passages", ColumnFormat.Integer, "passages of the theme that hold it and that the theme's lexicon misses now", s => s.NewPassages),
            new("example", ColumnFormat.Text, "the id of a passage of the theme holding it (one the lexicon misses, when there is one)", s => s.Example),
        ]);

    /// <summary>Every report declared here, in the order of docs/reports.md.</summary>
    public static IReadOnlyList<IReportLayout> All { get; } = [TopicTerms, DocumentTopicShares, KeyTerms, ThemeGroups, ThemePeriods, Suggestions];

    /// <summary>The rows of <c>topics.csv</c>.</summary>
    internal static ReportTable Topics(TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TopicTerms.Table(model.Topics.SelectMany(topic => topic.Terms.Select(term => new TopicTermRow(topic, term))));
    }

    /// <summary>The rows of <c>document_topics.csv</c>: a column per topic, <c>topic_1</c> …</summary>
    internal static ReportTable DocumentTopics(TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return DocumentTopicShares.Table(model.Documents, [.. model.Topics.Select(t => $"topic_{t.Number}")]);
    }

    /// <summary>The rows of <c>keyness.csv</c>.</summary>
    internal static ReportTable Keyness(string groupBy, KeynessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return KeyTerms.Table(result.Terms.Select(t => new KeyTermRow(groupBy, t)));
    }

    /// <summary>The rows of <c>theme_by_group.csv</c>.</summary>
    internal static ReportTable ThemeByGroup(string groupBy, IReadOnlyList<ThemeGroupComparison> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return ThemeGroups.Table(rows.Select(r => new ThemeGroupRow(groupBy, r)));
    }

    /// <summary>The rows of <c>theme_trend.csv</c>.</summary>
    internal static ReportTable ThemeTrend(TrendPeriod period, IReadOnlyList<ThemeTrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return ThemePeriods.Table(points.Select(p => new ThemeTrendRow(period.ToString().ToLowerInvariant(), p)));
    }

    /// <summary>Writes <c>lexicon_suggestions.csv</c>.</summary>
    public static void WriteSuggestions(string path, IReadOnlyList<LexiconSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        Suggestions.Table(suggestions).WriteCsv(path);
    }

    /// <summary>The counts of a group's theme tally, named as in <c>corpus_summary.csv</c>.</summary>
    private static ReportColumn<TRow>[] TallyColumns<TRow>(Func<TRow, ThemeGroupTally> tally) =>
    [
        new("documents", ColumnFormat.Integer, "documents in the group; " + AsInCorpusSummary, r => tally(r).Documents),
        new("documents_with_theme", ColumnFormat.Integer, "of those, documents with at least one hit", r => tally(r).DocumentsWithTheme),
        new("hits", ColumnFormat.Integer, "hits over the group's documents", r => tally(r).Hits),
        new("tokens", ColumnFormat.Integer, "tokens over the group's documents", r => tally(r).Tokens),
        new("per_1000", ColumnFormat.Rate, "the pooled rate, `hits / tokens × 1000`", r => tally(r).Per1000),
        new("mean_document_per_1000", ColumnFormat.Rate, "the mean of the documents' own rates (every document weighs the same)", r => tally(r).MeanDocumentPer1000),
    ];

    private static object? MainTopic(DocumentTopics document) =>
        document.Words == 0 ? null : document.Shares.Select((s, i) => (s, i)).MaxBy(x => x.s).i + 1;

    /// <summary>A row of <c>topics.csv</c>: a topic and one of its top words.</summary>
    internal sealed record TopicTermRow(Topic Topic, TopicTerm Term);

    /// <summary>A row of <c>keyness.csv</c>.</summary>
    internal sealed record KeyTermRow(string GroupBy, KeyTerm Term);

    /// <summary>A row of <c>theme_by_group.csv</c>.</summary>
    internal sealed record ThemeGroupRow(string GroupBy, ThemeGroupComparison Row);

    /// <summary>A row of <c>theme_trend.csv</c>.</summary>
    internal sealed record ThemeTrendRow(string By, ThemeTrendPoint Point);
}
