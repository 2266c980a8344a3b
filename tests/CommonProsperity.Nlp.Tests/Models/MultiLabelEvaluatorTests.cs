using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Tests.Models;

public class MultiLabelEvaluatorTests
{
    private static IReadOnlySet<string> S(params string[] themes) => themes.ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void Evaluate_HandComputedCase_GivesPerThemeMicroAndMacro()
    {
        string[] themes = ["a", "b"];
        IReadOnlySet<string>[] gold = [S("a"), S("a", "b"), S(), S("b")];
        IReadOnlySet<string>[] predicted = [S("a"), S("a"), S("a"), S("b")];
        string[] languages = ["en", "en", "zh", "zh"];

        var metrics = MultiLabelEvaluator.Evaluate(themes, gold, predicted, languages);

        var a = metrics.Single(m => m.Theme == "a" && m.Language == "all");
        Assert.Equal((2, 1, 0), (a.TruePositives, a.FalsePositives, a.FalseNegatives));
        Assert.Equal(2.0 / 3, a.Precision, 10);
        Assert.Equal(0.8, a.F1, 10);
        var b = metrics.Single(m => m.Theme == "b" && m.Language == "all");
        Assert.Equal(2.0 / 3, b.F1, 10); // P 1, R 0.5
        var micro = metrics.Single(m => m.Theme == "micro" && m.Language == "all");
        Assert.Equal(0.75, micro.F1, 10); // TP 3, FP 1, FN 1
        Assert.Equal((0.8 + 2.0 / 3) / 2, metrics.Single(m => m.Theme == "macro" && m.Language == "all").F1, 10);
        Assert.Equal(1.0, metrics.Single(m => m.Theme == "a" && m.Language == "en").Precision, 10);
        Assert.Equal(0.0, metrics.Single(m => m.Theme == "a" && m.Language == "zh").Precision, 10);
    }
}
