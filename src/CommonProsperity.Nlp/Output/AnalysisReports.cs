using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The columns of every CSV report of <c>analyze</c> (and <c>merge</c>), declared once: the writers
/// take their headers and rows from here, <see cref="EvidenceFile"/> its header, and
/// <see cref="ReportReference"/> the column reference of docs/reports.md. A document's numbers (tokens,
/// words, sentences, ...) are declared in <see cref="DocumentNumbers"/>: <c>theme_frequency_wide.csv</c>
/// shows each of them, the other reports those they name (<see cref="Number"/>).
/// </summary>
internal static class AnalysisReports
{
    /// <summary><c>evidence.csv</c>. Its rows are formatted by <see cref="DocumentReportBuilder"/> as bytes, for speed; only the names and meanings are read from here.</summary>
    public static ReportLayout<Hit> Evidence { get; } = new(
        ReportFiles.Evidence,
        "one row per match, in document order, then text order, so that every count can be checked. The rows for a document and theme number exactly its `hits`.",
        [
            new("document", ColumnFormat.Text, "the document id", Formatted),
            new("theme", ColumnFormat.Text, "the theme id", Formatted),
            new("theme_label", ColumnFormat.Text, "the theme's name in the dictionary it came from", Formatted, ColumnCondition.ThemeLabels),
            new("term", ColumnFormat.Text, "the lexicon term that matched, as written in the lexicon", Formatted),
            new("start", ColumnFormat.Integer, "character offset of the match in the document's extracted text (0-based, in UTF-16 code units: the same as characters except for rare CJK characters outside the Basic Multilingual Plane, which count two)", Formatted),
            new("end", ColumnFormat.Integer, "where the match ends (exclusive), counted as `start`", Formatted),
            new("left", ColumnFormat.Text, "up to the context width (40 characters unless set) before the match, line breaks shown as spaces", Formatted, ColumnCondition.FullEvidence),
            new("match", ColumnFormat.Text, "the matched text exactly as it stands in the document (`text[start:end]`), so it may hold a hyphen and a line break (`en-↵joyed`)", Formatted, ColumnCondition.FullEvidence),
            new("right", ColumnFormat.Text, "up to the context width (40 characters unless set) after the match, line breaks shown as spaces", Formatted, ColumnCondition.FullEvidence),
            new("sentence", ColumnFormat.Integer, "the 0-based index of the sentence holding the match", Formatted),
        ]);

    /// <summary><c>theme_frequency.csv</c>.</summary>
    public static ReportLayout<ThemeRow> ThemeFrequency { get; } = new(
        ReportFiles.ThemeFrequency,
        "long/tidy: one row per document × theme (themes in codebook order).",
        [
            new("document", ColumnFormat.Text, "the document id", r => r.Document.Id),
            new("theme", ColumnFormat.Text, "the theme id", r => r.Theme),
            new("theme_label", ColumnFormat.Text, "the theme's name in the dictionary it came from (`care.virtue` for `care_virtue`, `ECONOMY/MARKETS` for `economy_markets`)", r => r.Label, ColumnCondition.ThemeLabels),
            new("hits", ColumnFormat.Integer, "matches of the theme's terms ([counting rule 6](counting-rules.md))", r => r.Tally.Hits),
            new("weighted", ColumnFormat.Rate, "the sum of the weights of the theme's matches (a term without a weight weighs 1)", r => r.Tally.Weighted, ColumnCondition.Weights),
            Number<ThemeRow>(DocumentNumbers.Tokens, r => r.Document),
            new("per_1000", ColumnFormat.Rate, "`hits / tokens × 1000` (0 when there are no tokens)", r => Rate.Per1000(r.Tally.Hits, r.Document.Tokens)),
            Number<ThemeRow>(DocumentNumbers.Words, r => r.Document),
            new("per_1000_words", ColumnFormat.Rate, "`hits / words × 1000` (0 when there are no words): the rate to compare across languages", r => Rate.Per1000(r.Tally.Hits, r.Document.Words)),
            new("sentences_with_theme", ColumnFormat.Integer, "sentences holding at least one match of the theme", r => r.Tally.Sentences),
            Number<ThemeRow>(DocumentNumbers.Sentences, r => r.Document),
            new("sentence_share", ColumnFormat.Rate, "`sentences_with_theme / sentences`", r => Share(r.Tally.Sentences, r.Document.Sentences)),
            .. MetadataOf<ThemeRow>(r => r.Document.Metadata),
        ],
        MetadataColumns: true);

    /// <summary><c>theme_frequency_wide.csv</c>.</summary>
    public static ReportLayout<DocumentSummary> ThemeFrequencyWide { get; } = new(
        ReportFiles.ThemeFrequencyWide,
        "one row per document.",
        [
            new("document", ColumnFormat.Text, "the document id", d => d.Id),
            .. MetadataOf<DocumentSummary>(d => d.Metadata),
            .. DocumentNumbers.All.Select(n => Number<DocumentSummary>(n, d => d)),
            new("_hits", ColumnFormat.Integer, "per theme (`inequality_hits`, ...): the theme's hits", (d, t) => d.Themes[t].Hits, PerTheme: true),
            new("_weighted", ColumnFormat.Rate, "per theme (`inequality_weighted`, ...): the sum of the weights of its matches", (d, t) => d.Themes[t].Weighted, PerTheme: true, Only: ColumnCondition.Weights),
            new("_per_1000", ColumnFormat.Rate, "per theme (`inequality_per_1000`, ...): its hits per 1,000 tokens", (d, t) => Rate.Per1000(d.Themes[t].Hits, d.Tokens), PerTheme: true),
            new("_per_1000_words", ColumnFormat.Rate, "per theme (`inequality_per_1000_words`, ...): its hits per 1,000 words, the rate to compare across languages", (d, t) => Rate.Per1000(d.Themes[t].Hits, d.Words), PerTheme: true),
        ]);

    /// <summary><c>corpus_summary.csv</c>.</summary>
    public static ReportLayout<GroupRow> CorpusSummary { get; } = new(
        ReportFiles.CorpusSummary,
        "per theme for the whole corpus and per group.",
        [
            new("group_by", ColumnFormat.Text, "`all` (the whole corpus), `language`, `year` (from `date`) or `publisher`", r => r.By),
            new("group", ColumnFormat.Text, "the group's value (`all` for the corpus; `unknown` where the metadata is missing)", r => r.Group),
            new("theme", ColumnFormat.Text, "the theme id", r => r.Theme),
            new("theme_label", ColumnFormat.Text, "the theme's name in the dictionary it came from (`care.virtue` for `care_virtue`, `ECONOMY/MARKETS` for `economy_markets`)", r => r.Label, ColumnCondition.ThemeLabels),
            new("documents", ColumnFormat.Integer, "documents in the group", r => r.Tally.Documents),
            new("documents_with_theme", ColumnFormat.Integer, "of those, documents with at least one hit", r => r.Tally.DocumentsWithTheme),
            new("hits", ColumnFormat.Integer, "hits over the group", r => r.Tally.Hits),
            new("weighted", ColumnFormat.Rate, "the sum of the weights of the matches over the group", r => r.Tally.Weighted, ColumnCondition.Weights),
            new("tokens", ColumnFormat.Integer, "tokens over the group", r => r.Tally.Tokens),
            new("per_1000", ColumnFormat.Rate, "pooled rate: total hits / total tokens × 1000 (long documents weigh more)", r => r.Tally.Per1000),
            new("mean_document_per_1000", ColumnFormat.Rate, "the mean of the documents' `per_1000` (every document weighs the same)", r => r.Tally.MeanDocumentPer1000),
            new("words", ColumnFormat.Integer, "words over the group (see `theme_frequency.csv`)", r => r.Tally.Words),
            new("per_1000_words", ColumnFormat.Rate, "pooled rate per 1,000 words: total hits / total words × 1000, the rate to compare across languages", r => r.Tally.Per1000Words),
            new("sentences_with_theme", ColumnFormat.Integer, "sentences holding a hit, over the group", r => r.Tally.SentencesWithTheme),
            new("sentences", ColumnFormat.Integer, "sentences over the group", r => r.Tally.Sentences),
            new("sentence_share", ColumnFormat.Rate, "`sentences_with_theme / sentences`", r => Share(r.Tally.SentencesWithTheme, r.Tally.Sentences)),
        ]);

    /// <summary><c>term_frequency.csv</c>.</summary>
    public static ReportLayout<TermRow> TermFrequency { get; } = new(
        ReportFiles.TermFrequency,
        "which terms drive each theme: per theme (codebook order), every lexicon term, most hits first, including those that never matched (`hits` 0), which is useful when editing the lexicon.",
        [
            new("theme", ColumnFormat.Text, "the theme id", r => r.Term.Theme),
            new("theme_label", ColumnFormat.Text, "the theme's name in the dictionary it came from (`care.virtue` for `care_virtue`, `ECONOMY/MARKETS` for `economy_markets`)", r => r.Label, ColumnCondition.ThemeLabels),
            new("rank", ColumnFormat.Integer, "1 for the theme's term with the most hits (ties by term)", r => r.Rank),
            new("term", ColumnFormat.Text, "the lexicon term, as written in the lexicon", r => r.Term.Term),
            new("weight", ColumnFormat.Rate, "the term's weight in its theme (empty for a term without one, which weighs 1)", r => r.Term.Weight, ColumnCondition.Weights),
            new("lang", ColumnFormat.Text, "the term's language, from the lexicon", r => r.Term.Language),
            new("hits", ColumnFormat.Integer, "its matches over the corpus", r => r.Hits),
            new("documents", ColumnFormat.Integer, "documents with at least one hit of the term", r => r.Documents),
            new("share_of_theme_hits", ColumnFormat.Rate, "its share of its theme's hits", r => r.Share),
            new("vetoed", ColumnFormat.Integer, "its matches that one of its exclusions vetoed, which are neither hits nor evidence rows (rule 7 of the [counting rules](counting-rules.md)); always 0 for terms without exclusions", r => r.Vetoed),
        ]);

    /// <summary><c>evidence_parts.csv</c>: written by <c>merge</c> instead of <c>evidence.csv</c> when the evidence is left in the shards' folders.</summary>
    public static ReportLayout<EvidencePart> EvidenceParts { get; } = new(
        ReportFiles.EvidenceParts,
        "written by `merge`, which by default leaves the evidence in the shards' folders, instead of `evidence.csv` (which is then not in the merged folder): one row per byte range of the shards' evidence files, in order. Concatenated in this order, the ranges are the `evidence.csv` a merge that copies the evidence writes, byte for byte (the first range starts at byte 0 of its file, with the header; every other range is rows only, the shards' headers left out). `cpnlp evidence assemble FOLDER` writes that file, while the shards' folders are still in place ([Large corpora](large-corpora.md#evidence-left-in-the-shards-the-default)).",
        [
            new("file", ColumnFormat.Text, "a shard's `partial_evidence.csv`, relative to the merged folder (with `/`)", p => p.File),
            new("offset", ColumnFormat.Integer, "where the range starts in that file, in bytes from 0", p => p.Offset),
            new("bytes", ColumnFormat.Integer, "the range's length in bytes", p => p.Bytes),
            new("rows", ColumnFormat.Integer, "the evidence rows in the range (the header is not one)", p => p.Rows),
            new("file_bytes", ColumnFormat.Integer, "the size of the whole file when merged: assembling refuses a file of another size", p => p.FileBytes),
            new("file_sha256", ColumnFormat.Text, "the SHA-256 of the whole file, as the shard recorded it in `partial.sha256`: assembling checks it", p => p.FileSha256),
        ]);

    /// <summary>The reports only <c>merge</c> writes, in the order docs/reports.md lists them.</summary>
    public static IReadOnlyList<IReportLayout> MergeOnly { get; } = [EvidenceParts];

    /// <summary>Every CSV report of <c>analyze</c>, in the order docs/reports.md lists them.</summary>
    public static IReadOnlyList<IReportLayout> All { get; } = [ThemeFrequency, ThemeFrequencyWide, CorpusSummary, Evidence, TermFrequency];

    /// <summary>The column of a per-document number (declared in <see cref="DocumentNumbers"/>: its name and meaning) of a row's document.</summary>
    internal static ReportColumn<TRow> Number<TRow>(DocumentNumber number, Func<TRow, DocumentSummary> document) =>
        new(number.Name, ColumnFormat.Integer, number.Meaning, r => document(r).Numbers[number]);

    /// <summary>The share <paramref name="part"/> / <paramref name="whole"/>, 0 when <paramref name="whole"/> is 0.</summary>
    public static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>The title, date, publisher and language columns of a report whose rows belong to documents.</summary>
    internal static ReportColumn<TRow>[] MetadataOf<TRow>(Func<TRow, DocumentMetadata> metadata) =>
    [
        new("title", ColumnFormat.Text, "from `sources.csv` or the CSV row", r => metadata(r).Title),
        new("date", ColumnFormat.Text, "from `sources.csv` or the CSV row, as written", r => metadata(r).Date),
        new("publisher", ColumnFormat.Text, "from `sources.csv` or the CSV row", r => metadata(r).Publisher),
        new("language", ColumnFormat.Text, "from `sources.csv` or the CSV row, else guessed from the script (`en`, `zh`, `und`)", r => metadata(r).Language),
    ];

    private static object? Formatted(Hit hit) => throw new NotSupportedException("Evidence rows are formatted by DocumentReportBuilder.");

    /// <summary>A row of <c>evidence.csv</c> (rows are written as bytes; see <see cref="Evidence"/>).</summary>
    public sealed record Hit;

    /// <summary>A row of <c>theme_frequency.csv</c>: one document and one theme.</summary>
    public sealed record ThemeRow(DocumentSummary Document, string Theme, string Label, ThemeTally Tally);

    /// <summary>A row of <c>corpus_summary.csv</c>: one group and one theme.</summary>
    public sealed record GroupRow(string By, string Group, string Theme, string Label, ThemeGroupTally Tally);

    /// <summary>A row of <c>term_frequency.csv</c>.</summary>
    public sealed record TermRow(LexiconTerm Term, string Label, int Rank, long Hits, int Documents, double Share, long Vetoed);
}
