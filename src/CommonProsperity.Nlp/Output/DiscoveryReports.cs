using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The CSV reports of the discovery commands (<c>topics</c>, <c>compare</c>, <c>trend</c>,
/// <c>lexicon suggest</c>), in the house format of <see cref="CsvReport"/>. Rates have four decimals;
/// probabilities, statistics and p-values six significant digits (<c>1.23457E-05</c>), since they span
/// many orders of magnitude. docs/discovery.md documents every column.
/// </summary>
internal static class DiscoveryReports
{
    /// <summary>A probability, statistic or p-value: six significant digits, invariant culture.</summary>
    internal static PreciseNumber Precise(double value) => new(value);

    /// <summary><c>topics.csv</c>: one row per topic × top word.</summary>
    public static void WriteTopics(string path, TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var csv = CsvReport.Create(path);
        csv.WriteRow("topic", "rank", "term", "weight", "lang", "term_themes", "topic_theme", "topic_theme_share", "topic_share", "topic_label");
        foreach (var topic in model.Topics)
        {
            foreach (var term in topic.Terms)
            {
                csv.WriteRow(topic.Number, term.Rank, term.Term, Precise(term.Weight), term.Language, term.Themes, topic.Theme, topic.ThemeShare, topic.Share, topic.Label());
            }
        }
    }

    /// <summary><c>document_topics.csv</c>: one row per document, one column per topic.</summary>
    public static void WriteDocumentTopics(string path, TopicModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var csv = CsvReport.Create(path);
        var header = new List<object?> { "document", "title", "date", "publisher", "language", "passages", "words", "main_topic" };
        header.AddRange(model.Topics.Select(t => (object?)$"topic_{t.Number}"));
        csv.WriteRow([.. header]);
        foreach (var document in model.Documents)
        {
            var main = document.Words == 0 ? null : (object?)(document.Shares.Select((s, i) => (s, i)).MaxBy(x => x.s).i + 1);
            var row = new List<object?> { document.Id, document.Metadata.Title, document.Metadata.Date, document.Metadata.Publisher, document.Metadata.Language, document.Passages, document.Words, main };
            row.AddRange(document.Shares.Select(s => (object?)s));
            csv.WriteRow([.. row]);
        }
    }

    /// <summary><c>keyness.csv</c>: per group, its over- then under-represented words.</summary>
    public static void WriteKeyness(string path, string groupBy, KeynessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = CsvReport.Create(path);
        csv.WriteRow("group_by", "group", "reference", "direction", "rank", "term", "lang", "count", "reference_count", "per_1000", "reference_per_1000",
            "log_ratio", "g2", "g2_p", "chi2", "chi2_p", "words", "reference_words");
        foreach (var t in result.Terms)
        {
            csv.WriteRow(groupBy, t.Group, t.Reference, t.Direction, t.Rank, t.Term, t.Language, t.Count, t.ReferenceCount,
                Rate.Per1000(t.Count, t.Words), Rate.Per1000(t.ReferenceCount, t.ReferenceWords),
                t.Score.LogRatio, Precise(t.Score.G2), Precise(t.Score.G2P), Precise(t.Score.Chi2), Precise(t.Score.Chi2P), t.Words, t.ReferenceWords);
        }
    }

    /// <summary><c>theme_by_group.csv</c>: per theme and group, the rates and tests.</summary>
    public static void WriteThemeByGroup(string path, string groupBy, IReadOnlyList<ThemeGroupComparison> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvReport.Create(path);
        csv.WriteRow("group_by", "group", "theme", "documents", "documents_with_theme", "hits", "tokens", "per_1000", "mean_document_per_1000", "words", "per_1000_words",
            "log_ratio", "g2", "g2_p", "chi2", "df", "p");
        foreach (var r in rows)
        {
            csv.WriteRow(groupBy, r.Group, r.Theme, r.Tally.Documents, r.Tally.DocumentsWithTheme, r.Tally.Hits, r.Tally.Tokens, r.Tally.Per1000, r.Tally.MeanDocumentPer1000, r.Tally.Words, r.Tally.Per1000Words,
                r.Versus.LogRatio, Precise(r.Versus.G2), Precise(r.Versus.G2P), Precise(r.Chi2), r.DegreesOfFreedom, Precise(r.P));
        }
    }

    /// <summary><c>theme_trend.csv</c>: per period and theme, the rates.</summary>
    public static void WriteThemeTrend(string path, TrendPeriod period, IReadOnlyList<ThemeTrendPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        using var csv = CsvReport.Create(path);
        csv.WriteRow("period_by", "period", "theme", "documents", "documents_with_theme", "hits", "tokens", "per_1000", "mean_document_per_1000", "words", "per_1000_words");
        foreach (var p in points)
        {
            csv.WriteRow(period.ToString().ToLowerInvariant(), p.Period, p.Theme, p.Tally.Documents, p.Tally.DocumentsWithTheme, p.Tally.Hits, p.Tally.Tokens, p.Tally.Per1000, p.Tally.MeanDocumentPer1000, p.Tally.Words, p.Tally.Per1000Words);
        }
    }

    /// <summary><c>lexicon_suggestions.csv</c>: per theme, the candidate terms, best first.</summary>
    public static void WriteSuggestions(string path, IReadOnlyList<LexiconSuggestion> suggestions)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        using var csv = CsvReport.Create(path);
        csv.WriteRow("theme", "rank", "term", "lang", "support", "passages", "precision", "precision_low", "recall_share", "new_passages", "example");
        foreach (var s in suggestions)
        {
            csv.WriteRow(s.Theme, s.Rank, s.Term, s.Language, s.Support, s.Passages, s.Precision, s.PrecisionLow, s.RecallShare, s.NewPassages, s.Example);
        }
    }
}
