namespace CommonProsperity.Nlp.Counting;

/// <summary>The rates the reports and comparisons compute from counts.</summary>
internal static class Rate
{
    /// <summary>Hits per 1,000 tokens, 0 when there are no tokens (counting rule 6).</summary>
    public static double Per1000(long hits, long tokens) => tokens == 0 ? 0 : hits * 1000.0 / tokens;
}
