using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Tests.Discovery;

/// <summary>The upper tail against closed forms: df 1 erfc(sqrt(x/2)); df 2 exp(-x/2); df 3 erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2); df 4 exp(-x/2)(1 + x/2).</summary>
public class ChiSquareTests
{
    public static TheoryData<double, int, double> ClosedForms() => new()
    {
        { 0.5, 1, 0.479500122187 },
        { 3.84, 1, 0.0500435212487 },
        { 10.0, 1, 0.001565402258 },
        { 100.0, 1, 1.52397060483e-23 },
        { 11.5891271005, 2, 0.0030440587154 },
        { 1.0, 3, 0.801251956901 },
        { 7.5, 3, 0.0575584519726 },
        { 20.0, 3, 0.000169742435553 },
        { 2.0, 4, 0.735758882343 },
        { 9.49, 4, 0.0499531312233 },
    };

    [Theory]
    [MemberData(nameof(ClosedForms))]
    public void UpperTail_KnownPoints_MatchClosedForms(double statistic, int df, double expected)
    {
        var p = ChiSquare.UpperTail(statistic, df);

        Assert.Equal(expected, p, expected * 1e-9 + 1e-15);
    }

    [Fact]
    public void UpperTail_ZeroOrNegative_IsOne()
    {
        Assert.Equal(1.0, ChiSquare.UpperTail(0, 1));
        Assert.Equal(1.0, ChiSquare.UpperTail(-3, 2));
    }
}
