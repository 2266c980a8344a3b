namespace CommonProsperity.Nlp;

/// <summary>The names of the reports the commands write (docs/reports.md and docs/discovery.md document their columns).</summary>
public static class ReportFiles
{
    /// <summary>Long/tidy: one row per document × theme.</summary>
    public const string ThemeFrequency = "theme_frequency.csv";

    /// <summary>One row per document, one column per theme.</summary>
    public const string ThemeFrequencyWide = "theme_frequency_wide.csv";

    /// <summary>Per theme across the corpus and per language, year and publisher.</summary>
    public const string CorpusSummary = "corpus_summary.csv";

    /// <summary>One row per match, with offsets and context.</summary>
    public const string Evidence = "evidence.csv";

    /// <summary><c>merge --evidence-parts</c>: the byte ranges of the shards' evidence files that make up <c>evidence.csv</c>, in order.</summary>
    public const string EvidenceParts = "evidence_parts.csv";

    /// <summary>Hits per lexicon term.</summary>
    public const string TermFrequency = "term_frequency.csv";

    /// <summary>The page a person opens: overview, heatmap, evidence and terms in one self-contained file (docs/report-html.md).</summary>
    public const string Report = "report.html";

    /// <summary>What was run on what.</summary>
    public const string Manifest = "manifest.json";

    /// <summary><c>analyze</c> chart: theme rate per document (heatmap).</summary>
    public const string ThemeHeatmapChart = "chart_theme_heatmap.png";

    /// <summary><c>analyze</c> chart: the corpus's theme profile (bars, per language).</summary>
    public const string ThemeProfileChart = "chart_theme_profile.png";

    /// <summary><c>analyze</c> and <c>trend</c> chart: theme rates over time (lines).</summary>
    public const string ThemeTrendChart = "chart_theme_trend.png";

    /// <summary><c>topics</c>: the top words of each topic.</summary>
    public const string Topics = "topics.csv";

    /// <summary><c>topics</c>: each document's topic shares.</summary>
    public const string DocumentTopics = "document_topics.csv";

    /// <summary><c>topics</c> chart: topic shares per document (heatmap).</summary>
    public const string DocumentTopicsChart = "chart_document_topics.png";

    /// <summary><c>compare</c>: the key words of each group.</summary>
    public const string Keyness = "keyness.csv";

    /// <summary><c>compare</c>: theme rates per group, with tests.</summary>
    public const string ThemeByGroup = "theme_by_group.csv";

    /// <summary><c>compare</c> chart: theme rates per group (bars).</summary>
    public const string ThemeByGroupChart = "chart_theme_by_group.png";

    /// <summary><c>trend</c>: theme rates per period.</summary>
    public const string ThemeTrend = "theme_trend.csv";

    /// <summary><c>trend --terms</c>: search terms' counts and rates per period.</summary>
    public const string TermTrend = "term_trend.csv";

    /// <summary><c>trend --terms</c> chart: each term's rate per period (lines).</summary>
    public const string TermTrendChart = "chart_term_trend.png";

    /// <summary><c>kwic</c>: the concordance, one row per match.</summary>
    public const string Kwic = "kwic.csv";

    /// <summary><c>lexicon check --validated</c>: precision per term and theme from a hand-checked sample.</summary>
    public const string ValidatedPrecision = "validated_precision.csv";

    /// <summary>With <c>--xlsx</c>: every CSV report of a run as a sheet of one Excel workbook.</summary>
    public const string Workbook = "reports.xlsx";

    /// <summary>The frequent n-grams of <c>ngrams</c>.</summary>
    public const string Ngrams = "ngrams.csv";

    /// <summary>The collocations of <c>collocations</c>.</summary>
    public const string Collocations = "collocations.csv";

    /// <summary><c>lexicon suggest</c>: candidate terms per theme.</summary>
    public const string LexiconSuggestions = "lexicon_suggestions.csv";

    /// <summary><c>lexicon check</c>: per language and theme, how the lexicon's hits agree with the labels.</summary>
    public const string LexiconCheck = "lexicon_check.csv";

    /// <summary><c>lexicon check</c>: per term, how often it fires and how often on its own theme.</summary>
    public const string LexiconTerms = "lexicon_terms.csv";

    /// <summary><c>lexicon check</c>: per exclusion, the matches it vetoed.</summary>
    public const string LexiconExclusions = "lexicon_exclusions.csv";

    /// <summary><c>classify</c>: one row per passage with its themes and probabilities.</summary>
    public const string Passages = "passages.csv";

    /// <summary><c>classify</c>: per document and theme, the share of passages with the theme.</summary>
    public const string ThemeFrequencyClassifier = "theme_frequency_classifier.csv";

    /// <summary>The name of a keyness chart: <c>chart_keyness.png</c> for two groups, <c>chart_keyness_GROUP.png</c> per group for more.</summary>
    public static string KeynessChart(string? group) =>
        group is null ? "chart_keyness.png" : $"chart_keyness_{new string(group.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray())}.png";

    /// <summary>A shard's header: which shard, the lexicon, the inputs and skips (<c>ShardHeader</c>).</summary>
    public const string PartialHeader = "partial.json";

    /// <summary>A shard's documents, one JSON object a line, in input order.</summary>
    public const string PartialDocuments = "partial_documents.jsonl";

    /// <summary>A shard's evidence rows, in the same order: a valid <c>evidence.csv</c> of its own.</summary>
    public const string PartialEvidence = "partial_evidence.csv";

    /// <summary>The run's input files with their SHA-256, one <c>["path","sha256"]</c> a line (the same in every shard; its hash is the fingerprint in <c>partial.json</c>).</summary>
    public const string PartialFiles = "partial_files.jsonl";

    /// <summary>The SHA-256 of each of a shard's other partial files, in <c>sha256sum</c> format (<see cref="PartialChecksums"/>).</summary>
    public const string PartialChecksums = "partial.sha256";
}
