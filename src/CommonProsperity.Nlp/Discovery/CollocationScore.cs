namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// How strongly two units attract each other, from the 2×2 table of the adjacent pairs of a group:
/// <c>O11</c> = pairs (first, second), <c>O12</c> = pairs (first, other), <c>O21</c> = pairs (other, second),
/// <c>O22</c> = the rest, with <c>N</c> pairs in all, <c>R1 = O11 + O12</c> pairs starting with the first
/// unit and <c>C1 = O11 + O21</c> pairs ending with the second. Expected counts are <c>Eij = Ri Cj / N</c>.
/// <list type="bullet">
/// <item><c>G2</c>: the log-likelihood ratio of Dunning (1993), <c>2 Σ Oij ln(Oij / Eij)</c> over the four
/// cells, a zero cell adding 0 (as quanteda's and NLTK's likelihood ratio); p-value from the chi-square
/// distribution with one degree of freedom.</item>
/// <item><c>Pmi</c>: pointwise mutual information (Church and Hanks 1990), <c>log2(O11 / E11) = log2(O11 N / (R1 C1))</c>.</item>
/// </list>
/// </summary>
/// <param name="Count">O11: how often the pair occurs.</param>
/// <param name="FirstCount">R1: pairs whose first unit is the first unit.</param>
/// <param name="SecondCount">C1: pairs whose second unit is the second unit.</param>
/// <param name="Pairs">N: adjacent pairs of the language in the group.</param>
/// <param name="Expected">E11 = R1 C1 / N: the count expected if the two units were independent.</param>
/// <param name="G2">The log-likelihood statistic.</param>
/// <param name="G2P">Its p-value.</param>
/// <param name="Pmi">Pointwise mutual information, in bits.</param>
public readonly record struct CollocationScore(long Count, long FirstCount, long SecondCount, long Pairs, double Expected, double G2, double G2P, double Pmi)
{
    /// <summary>Scores a pair seen <paramref name="count"/> times, from its margins.</summary>
    /// <param name="count">O11.</param>
    /// <param name="firstCount">R1.</param>
    /// <param name="secondCount">C1.</param>
    /// <param name="pairs">N.</param>
    public static CollocationScore Compute(long count, long firstCount, long secondCount, long pairs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstCount, count);
        ArgumentOutOfRangeException.ThrowIfLessThan(secondCount, count);
        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, firstCount + secondCount - count);
        double n = pairs;
        double o11 = count, o12 = firstCount - count, o21 = secondCount - count, o22 = pairs - firstCount - secondCount + count;
        double r1 = firstCount, r2 = pairs - firstCount, c1 = secondCount, c2 = pairs - secondCount;
        var e11 = r1 * c1 / n;
        var g2 = 2 * (Part(o11, e11) + Part(o12, r1 * c2 / n) + Part(o21, r2 * c1 / n) + Part(o22, r2 * c2 / n));
        g2 = Math.Max(0, g2);
        return new CollocationScore(count, firstCount, secondCount, pairs, e11, g2, ChiSquare.UpperTail(g2, 1), Math.Log2(o11 / e11));
    }

    private static double Part(double observed, double expected) => observed <= 0 ? 0 : observed * Math.Log(observed / expected);
}
