namespace CommonProsperity.Nlp.Models;

/// <summary>
/// The 95% Wilson score interval of a proportion: unlike the normal approximation it stays inside
/// [0, 1] and is honest for small samples and for proportions near 0 or 1 (9 of 10 correct gives
/// 0.60–0.98, not 0.71–1.09), which is what hand-checked samples of a few dozen lines are.
/// </summary>
internal static class WilsonInterval
{
    /// <summary>The normal quantile of a two-sided 95% interval.</summary>
    public const double Z = 1.959964;

    /// <summary>The interval of <paramref name="p"/> observed out of <paramref name="n"/>; (0, 0) when <paramref name="n"/> is 0.</summary>
    public static (double Low, double High) Of(double p, int n)
    {
        if (n <= 0)
        {
            return (0, 0);
        }

        var z2 = Z * Z;
        var centre = p + z2 / (2 * n);
        var spread = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        var scale = 1 + z2 / n;
        return (Math.Max(0, (centre - spread) / scale), Math.Min(1, (centre + spread) / scale));
    }
}
