using CommonProsperity.Nlp.Counting.Import;

namespace CommonProsperity.Nlp.Tests.Counting.Import;

public sealed class ThemeIdsTests
{
    public static TheoryData<string, string> Names => new()
    {
        { "inequality", "inequality" },
        { "care.virtue", "care_virtue" },
        { "a category", "a_category" },
        { "Fairness-Virtue", "fairness_virtue" },
        { "  POSEMO  ", "posemo" },
        { "economy/markets", "economy_markets" },
        { "Négatif", "negatif" },
        { "1st person", "c_1st_person" },
        { "(social) -- processes!", "social_processes" },
        { "积极情绪", "category_7" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void FromName_AnySpelling_GivesAnIdOfLowerCaseLettersDigitsAndUnderscores(string name, string id)
    {
        // Act
        var result = ThemeIds.FromName(name, "7");

        // Assert
        Assert.Equal(id, result);
        Assert.Matches("^[a-z][a-z0-9_]*$", result);
    }
}
