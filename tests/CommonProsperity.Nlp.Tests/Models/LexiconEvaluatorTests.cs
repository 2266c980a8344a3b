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
                new ThemeAgreement("inequality", "all", 1, 1, 2, 4),
                new ThemeAgreement("control", "all", 0, 2, 0, 4),
                new ThemeAgreement("inequality", "en", 1, 0, 1, 2),
                new ThemeAgreement("control", "en", 0, 1, 0, 2),
                new ThemeAgreement("inequality", "und", 0, 1, 0, 1),
                new ThemeAgreement("control", "und", 0, 1, 0, 1),
                new ThemeAgreement("inequality", "zh", 0, 0, 1, 1),
                new ThemeAgreement("control", "zh", 0, 0, 0, 1),
            ],
            evaluation.Themes);
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
    public void ThemeAgreement_Counts_GivePrecisionRecallAndF1()
    {
        // Arrange
        var agreement = new ThemeAgreement("inequality", "all", 1, 1, 2, 4);

        // Act and Assert
        Assert.Equal(3, agreement.Support);
        Assert.Equal(0.5, agreement.Precision, 12);
        Assert.Equal(1.0 / 3, agreement.Recall, 12);
        Assert.Equal(0.4, agreement.F1, 12);
    }

    [Fact]
    public void ThemeAgreement_NothingFiredAndNoGold_GivesZeroNotNaN()
    {
        // Arrange
        var agreement = new ThemeAgreement("control", "zh", 0, 0, 0, 1);

        // Act and Assert
        Assert.Equal(0, agreement.Precision);
        Assert.Equal(0, agreement.Recall);
        Assert.Equal(0, agreement.F1);
    }

    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(4, 3, 0.75)]
    public void TermAgreement_Precision_IsOnThemeOverPassages(int passages, int onTheme, double expected)
    {
        Assert.Equal(expected, new TermAgreement("inequality", "gap", passages, onTheme, "").Precision, 12);
    }
}
