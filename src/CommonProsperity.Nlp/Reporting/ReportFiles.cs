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
}
