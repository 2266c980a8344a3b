using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The columns of the reports of <c>ngrams</c> and <c>collocations</c>, declared once: the CSV writer,
/// the workbook and the column list of docs/discovery.md read them from here.
/// </summary>
internal static class PhraseReports
{
    /// <summary><c>ngrams.csv</c>.</summary>
    public static ReportLayout<NgramRow> Ngrams { get; } = new(
        ReportFiles.Ngrams,
        "per group, language and size, the most frequent n-grams, most frequent first.",
        [
            new("group_by", ColumnFormat.Text, "the metadata field the documents were grouped by, or `all`", r => r.GroupBy),
            new("group", ColumnFormat.Text, "the group's value (`all` without grouping)", r => r.Ngram.Group),
            new("unit", ColumnFormat.Text, "`words` (English words, Chinese words from jieba.NET) or `characters` (Chinese characters)", r => UnitName(r.Unit)),
            new("lang", ColumnFormat.Text, "`en` or `zh`", r => r.Ngram.Language),
            new("size", ColumnFormat.Integer, "the n-gram's length in units", r => r.Ngram.Size),
            new("rank", ColumnFormat.Integer, "its rank by count within the group, language and size (1 = most frequent; ties by documents, then term)", r => r.Ngram.Rank),
            new("term", ColumnFormat.Text, "the n-gram: English words joined by a space, Chinese units without one, so that it can serve as a lexicon term as it stands", r => r.Ngram.Term),
            new("count", ColumnFormat.Integer, "its occurrences in the group", r => r.Ngram.Count),
            new("documents", ColumnFormat.Integer, "the group's documents it occurs in", r => r.Ngram.Documents),
            new("units_in_group", ColumnFormat.Integer, "units of its language in the group (the base of `per_1000`)", r => r.Ngram.Units),
            new("per_1000", ColumnFormat.Rate, "`count / units_in_group × 1000`", r => r.Ngram.Per1000),
        ]);

    /// <summary><c>collocations.csv</c>.</summary>
    public static ReportLayout<CollocationRow> Collocations { get; } = new(
        ReportFiles.Collocations,
        "per group and language, the adjacent pairs that occur together more often than chance, strongest first.",
        [
            new("group_by", ColumnFormat.Text, "the metadata field the documents were grouped by, or `all`", r => r.GroupBy),
            new("group", ColumnFormat.Text, "the group's value (`all` without grouping)", r => r.Collocation.Group),
            new("unit", ColumnFormat.Text, "`words` or `characters`", r => UnitName(r.Unit)),
            new("lang", ColumnFormat.Text, "`en` or `zh`", r => r.Collocation.Language),
            new("rank", ColumnFormat.Integer, "its rank within the group and language by the chosen measure (`g2` or `pmi`)", r => r.Collocation.Rank),
            new("term", ColumnFormat.Text, "the pair as a phrase (English joined by a space, Chinese without one)", r => r.Collocation.Term),
            new("first", ColumnFormat.Text, "its first unit", r => r.Collocation.First),
            new("second", ColumnFormat.Text, "its second unit", r => r.Collocation.Second),
            new("count", ColumnFormat.Integer, "O11: how often the pair occurs in the group", r => r.Collocation.Score.Count),
            new("expected", ColumnFormat.Precise, "E11 = first_count × second_count / pairs: the count expected if the two units were independent", r => r.Collocation.Score.Expected),
            new("first_count", ColumnFormat.Integer, "R1: adjacent pairs whose first unit is `first`", r => r.Collocation.Score.FirstCount),
            new("second_count", ColumnFormat.Integer, "C1: adjacent pairs whose second unit is `second`", r => r.Collocation.Score.SecondCount),
            new("pairs", ColumnFormat.Integer, "N: adjacent pairs of the language in the group", r => r.Collocation.Score.Pairs),
            new("g2", ColumnFormat.Precise, "log-likelihood G² = 2 Σ Oij ln(Oij / Eij) over the 2×2 table (Dunning 1993)", r => r.Collocation.Score.G2),
            new("g2_p", ColumnFormat.Precise, "its p-value (chi-square, 1 degree of freedom)", r => r.Collocation.Score.G2P),
            new("pmi", ColumnFormat.Precise, "pointwise mutual information log2(count / expected), in bits", r => r.Collocation.Score.Pmi),
            new("documents", ColumnFormat.Integer, "the group's documents the pair occurs in", r => r.Collocation.Documents),
        ]);

    /// <summary>Every report of the two commands.</summary>
    public static IReadOnlyList<IReportLayout> All { get; } = [Ngrams, Collocations];

    /// <summary>Writes <c>ngrams.csv</c>.</summary>
    public static void WriteNgrams(string path, IEnumerable<NgramRow> rows) => Ngrams.WriteCsv(path, rows);

    /// <summary>Writes <c>collocations.csv</c>.</summary>
    public static void WriteCollocations(string path, IEnumerable<CollocationRow> rows) => Collocations.WriteCsv(path, rows);

    /// <summary>How a unit is named in the reports and the manifest.</summary>
    public static string UnitName(PhraseUnit unit) => unit == PhraseUnit.Characters ? "characters" : "words";

    /// <summary>A row of <c>ngrams.csv</c>.</summary>
    public sealed record NgramRow(string GroupBy, PhraseUnit Unit, Ngram Ngram);

    /// <summary>A row of <c>collocations.csv</c>.</summary>
    public sealed record CollocationRow(string GroupBy, PhraseUnit Unit, Collocation Collocation);
}
