namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// The chi-square distribution's upper tail, for the p-values of keyness and group tests:
/// <c>p = Q(df/2, x/2)</c>, the regularised upper incomplete gamma function (series below
/// <c>a + 1</c>, Lentz's continued fraction above; relative error about 1e-14).
/// </summary>
internal static class ChiSquare
{
    private const int MaxIterations = 1000;
    private const double Epsilon = 1e-15;
    private const double Tiny = 1e-300;

    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>The probability that a chi-square variable with <paramref name="degreesOfFreedom"/> exceeds <paramref name="statistic"/>.</summary>
    public static double UpperTail(double statistic, int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (double.IsNaN(statistic))
        {
            return double.NaN;
        }

        return statistic <= 0 ? 1 : UpperGamma(degreesOfFreedom / 2.0, statistic / 2.0);
    }

    /// <summary>The regularised upper incomplete gamma function Q(a, x).</summary>
    internal static double UpperGamma(double a, double x)
    {
        if (x < a + 1)
        {
            return Math.Max(0, 1 - LowerSeries(a, x));
        }

        return ContinuedFraction(a, x);
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7).</summary>
    internal static double LogGamma(double x)
    {
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
        {
            sum += Lanczos[i] / (x + i);
        }

        var t = x + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static double LowerSeries(double a, double x)
    {
        var term = 1 / a;
        var sum = term;
        for (var n = 1; n < MaxIterations; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (Math.Abs(term) < Math.Abs(sum) * Epsilon)
            {
                break;
            }
        }

        return sum * Math.Exp(-x + a * Math.Log(x) - LogGamma(a));
    }

    private static double ContinuedFraction(double a, double x)
    {
        var b = x + 1 - a;
        var c = 1 / Tiny;
        var d = 1 / b;
        var h = d;
        for (var i = 1; i < MaxIterations; i++)
        {
            var an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.Abs(d) < Tiny ? Tiny : d;
            c = b + an / c;
            c = Math.Abs(c) < Tiny ? Tiny : c;
            d = 1 / d;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return Math.Exp(-x + a * Math.Log(x) - LogGamma(a)) * h;
    }
}
