namespace CommonProsperity.Nlp.Counting;

/// <summary>One theme's counts over a group of documents (the whole corpus, a language, a year).</summary>
/// <param name="Documents">Documents in the group.</param>
/// <param name="DocumentsWithTheme">Of those, documents with at least one hit.</param>
/// <param name="Hits">Hits over the group.</param>
/// <param name="Tokens">Tokens over the group.</param>
/// <param name="Words">Words over the group.</param>
/// <param name="Sentences">Sentences over the group.</param>
/// <param name="SentencesWithTheme">Sentences holding a hit, over the group.</param>
/// <param name="MeanDocumentPer1000">The mean of the documents' own rates (every document weighs the same).</param>
/// <param name="Weighted">The sum of the weights of the matches over the group (0 for a lexicon without weights).</param>
public readonly record struct ThemeGroupTally(int Documents, int DocumentsWithTheme, long Hits, long Tokens, long Words, long Sentences, long SentencesWithTheme, double MeanDocumentPer1000, double Weighted = 0)
{
    /// <summary>The pooled rate: hits per 1,000 tokens over the group (long documents weigh more).</summary>
    public double Per1000 => Rate.Per1000(Hits, Tokens);

    /// <summary>The pooled rate per 1,000 words, comparable across languages.</summary>
    public double Per1000Words => Rate.Per1000(Hits, Words);

    /// <summary>Sums theme <paramref name="theme"/> (an index into each summary's themes) over <paramref name="documents"/>.</summary>
    public static ThemeGroupTally Of(IReadOnlyCollection<DocumentSummary> documents, int theme)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new ThemeGroupTally(
            documents.Count,
            documents.Count(d => d.Themes[theme].Hits > 0),
            documents.Sum(d => (long)d.Themes[theme].Hits),
            documents.Sum(d => (long)d.Tokens),
            documents.Sum(d => (long)d.Words),
            documents.Sum(d => (long)d.Sentences),
            documents.Sum(d => (long)d.Themes[theme].Sentences),
            documents.Count == 0 ? 0 : documents.Average(d => Rate.Per1000(d.Themes[theme].Hits, d.Tokens)),
            documents.Sum(d => d.Themes[theme].Weighted));
    }
}
