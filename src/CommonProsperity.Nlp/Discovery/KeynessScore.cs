namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// How much more (or less) often a word occurs in a target corpus than in a reference corpus.
/// <list type="bullet">
/// <item><c>G2</c>: log-likelihood, Rayson and Garside (2000): <c>2 Σ O ln(O/E)</c> over the word's two
/// frequencies, with <c>E1 = c(a+b)/(c+d)</c> and <c>E2 = d(a+b)/(c+d)</c>; a zero frequency adds 0.</item>
/// <item><c>LogRatio</c>: the effect size of Hardie (2014): <c>log2((a/c) / (b/d))</c>, a zero frequency
/// taken as 0.5; +1 means twice as frequent in the target.</item>
/// <item><c>Chi2</c>: Pearson's chi-square on the 2×2 table (word, other words) × (target, reference),
/// without Yates's correction.</item>
/// </list>
/// Both p-values are from the chi-square distribution with one degree of freedom.
/// </summary>
/// <param name="G2">The log-likelihood statistic.</param>
/// <param name="G2P">Its p-value.</param>
/// <param name="LogRatio">The binary log of the ratio of relative frequencies.</param>
/// <param name="Chi2">Pearson's chi-square (no continuity correction).</param>
/// <param name="Chi2P">Its p-value.</param>
public readonly record struct KeynessScore(double G2, double G2P, double LogRatio, double Chi2, double Chi2P)
{
    /// <summary>Scores a word seen <paramref name="a"/> times among <paramref name="c"/> target words and <paramref name="b"/> times among <paramref name="d"/> reference words.</summary>
    public static KeynessScore Compute(long a, long b, long c, long d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfLessThan(c, Math.Max(a, 1));
        ArgumentOutOfRangeException.ThrowIfLessThan(d, Math.Max(b, 1));
        double n = c + d;
        var e1 = c * (double)(a + b) / n;
        var e2 = d * (double)(a + b) / n;
        var g2 = 2 * (Part(a, e1) + Part(b, e2));
        var logRatio = Math.Log2(Math.Max(a, 0.5) / c / (Math.Max(b, 0.5) / d));
        var chi2 = PearsonTwoByTwo(a, c - a, b, d - b);
        return new KeynessScore(g2, ChiSquare.UpperTail(g2, 1), logRatio, chi2, ChiSquare.UpperTail(chi2, 1));
    }

    /// <summary>Pearson's chi-square of the table [[a, b], [c, d]] (rows: target, reference), no continuity correction; 0 when a margin is empty.</summary>
    public static double PearsonTwoByTwo(long a, long b, long c, long d)
    {
        var n = (double)a + b + c + d;
        var denominator = ((double)a + b) * ((double)c + d) * ((double)a + c) * ((double)b + d);
        if (denominator == 0)
        {
            return 0;
        }

        var cross = (double)a * d - (double)b * c;
        return n * cross * cross / denominator;
    }

    private static double Part(long observed, double expected) => observed == 0 ? 0 : observed * Math.Log(observed / expected);
}
