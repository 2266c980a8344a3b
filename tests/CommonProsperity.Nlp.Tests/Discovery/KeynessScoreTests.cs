using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Tests.Discovery;

/// <summary>
/// G², log ratio and chi-square against values computed by hand (Python, math module):
/// E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G2 = 2(a ln(a/E1) + b ln(b/E2)); LR = log2((a/c)/(b/d)) with 0 as 0.5;
/// chi2 = N(AD-BC)^2 / (row and column margins) on [[a, c-a], [b, d-b]]; p = erfc(sqrt(x/2)).
/// </summary>
public class KeynessScoreTests
{
    public static TheoryData<long, long, long, long, double, double, double, double, double> HandComputed() => new()
    {
        { 10, 2, 1000, 2000, 12.780637193, 0.000350225613332, 3.32192809489, 13.5542168675, 0.000231770116252 },
        { 0, 7, 500, 700, 7.54595101026, 0.00601450700823, -3.32192809489, 5.02933780386, 0.0249214252582 },
        { 3, 0, 40, 60, 5.49774439124, 0.0190410191864, 3.16992500144, 4.63917525773, 0.031250017117 },
        { 25, 25, 5000, 5000, 0, 1, 0, 0, 1 },
    };

    [Theory]
    [MemberData(nameof(HandComputed))]
    public void Compute_Frequencies_MatchHandComputedValues(long a, long b, long c, long d, double g2, double g2P, double logRatio, double chi2, double chi2P)
    {
        var score = KeynessScore.Compute(a, b, c, d);

        Assert.Equal(g2, score.G2, 1e-8);
        Assert.Equal(g2P, score.G2P, 1e-10);
        Assert.Equal(logRatio, score.LogRatio, 1e-9);
        Assert.Equal(chi2, score.Chi2, 1e-8);
        Assert.Equal(chi2P, score.Chi2P, 1e-10);
    }

    [Fact]
    public void Compute_SwappedCorpora_FlipsTheSignOfTheLogRatioOnly()
    {
        var forward = KeynessScore.Compute(10, 2, 1000, 2000);
        var backward = KeynessScore.Compute(2, 10, 2000, 1000);

        Assert.Equal(forward.G2, backward.G2, 1e-10);
        Assert.Equal(forward.Chi2, backward.Chi2, 1e-10);
        Assert.Equal(-forward.LogRatio, backward.LogRatio, 1e-10);
    }

    [Fact]
    public void Compute_CountAboveItsCorpusSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeynessScore.Compute(11, 0, 10, 10));
    }
}
