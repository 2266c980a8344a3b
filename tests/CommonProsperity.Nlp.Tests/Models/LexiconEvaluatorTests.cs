using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Tests.Models;

public sealed class LexiconEvaluatorTests
{
    private static readonly LexiconMatcher Matcher =
        new(LexiconLoader.FromCsvText("theme,term\ninequality,gap\ncontrol,regulat*\n", "test.csv"));

    private static LabeledPassage Passage(string id, string text, string? language, params string[] themes) =>
        new(id, text, new HashSet<string>(themes, StringComparer.Ordinal), null, language, 1);

    private static readonly LabeledPassage[] Passages =
    [
        Passage("p1", "The wealth gap grew; the gap widened.", "en", "inequality"),
        Passage("p2", "New regulation of platforms.", "en", "inequality"),
        Passage("p3", "收入差距扩大", "zh", "inequality"),
        Passage("p4", "The gap in regulation.", null),
    ];

    [Fact]
    public void Evaluate_LabelledPassages_CountsAgreementPerThemeForAllThenEachLanguage()
    {
        // Act
        var evaluation = LexiconEvaluator.Evaluate(Matcher, Passages);

        // Assert
        Assert.Equal(
            [
                ThemeMetrics.From("inequality", "all", 1, 1, 2),
                ThemeMetrics.From("control", "all", 0, 2, 0),
                ThemeMetrics.From("inequality", "en", 1, 0, 1),
                ThemeMetrics.From("control", "en", 0, 1, 0),
                ThemeMetrics.From("inequality", "und", 0, 1, 0),
                ThemeMetrics.From("control", "und", 0, 1, 0),
                ThemeMetrics.From("inequality", "zh", 0, 0, 1),
                ThemeMetrics.From("control", "zh", 0, 0, 0),
            ],
            evaluation.Themes);
        Assert.Equal(new Dictionary<string, int> { ["all"] = 4, ["en"] = 2, ["und"] = 1, ["zh"] = 1 }, evaluation.Passages);
    }

    [Fact]
    public void Evaluate_LabelledPassages_CountsEachTermOncePerPassageWithItsOffThemeLabels()
    {
        // Act
        var evaluation = LexiconEvaluator.Evaluate(Matcher, Passages);

        // Assert
        Assert.Equal(
            [
                new TermAgreement("inequality", "gap", 2, 1, "(none):1"),
                new TermAgreement("control", "regulat*", 2, 0, "(none):1;inequality:1"),
            ],
            evaluation.Terms);
    }

    [Fact]
    public void Evaluate_LabelledPassages_ScoresThemesLikeTheModelEvaluator()
    {
        // Arrange: the lexicon's predictions, as evaluate scores a lexicon
        var predicted = Passages.Select(p => (IReadOnlySet<string>)Matcher.Match(p.Text).Select(h => Matcher.Themes[h.Theme]).ToHashSet(StringComparer.Ordinal)).ToArray();

        // Act
        var evaluation = LexiconEvaluator.Evaluate(Matcher, Passages);
        var (metrics, _) = ModelEvaluator.Score(Matcher.Themes, Passages, predicted, bootstrap: null);

        // Assert
        Assert.Equal(metrics.Where(m => m.Theme is not ("micro" or "macro")), evaluation.Themes);
    }

    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(4, 3, 0.75)]
    public void TermAgreement_Precision_IsOnThemeOverPassages(int passages, int onTheme, double expected)
    {
        Assert.Equal(expected, new TermAgreement("inequality", "gap", passages, onTheme, "").Precision, 12);
    }
}
