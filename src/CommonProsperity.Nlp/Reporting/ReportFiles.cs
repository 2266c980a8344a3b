namespace CommonProsperity.Nlp.Reporting;

/// <summary>The names of the reports <c>analyze</c> writes (README, "Reports", documents their columns).</summary>
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

    /// <summary>Hits per lexicon term.</summary>
    public const string TermFrequency = "term_frequency.csv";

    /// <summary>What was run on what.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>A shard's header: which shard, the lexicon, the inputs and skips (<see cref="ShardHeader"/>).</summary>
    public const string PartialHeader = "partial.json";

    /// <summary>A shard's documents, one JSON object a line, in input order.</summary>
    public const string PartialDocuments = "partial_documents.jsonl";

    /// <summary>A shard's evidence rows, in the same order: a valid <c>evidence.csv</c> of its own.</summary>
    public const string PartialEvidence = "partial_evidence.csv";
}
