using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class CodebookTests
{
    [Fact]
    public void Themes_AreTheEightCodebookIdsInReportOrder()
    {
        // Act
        var ids = Codebook.Themes.Select(t => t.Id);

        // Assert
        Assert.Equal(
            ["inequality", "control", "philanthropy", "common_prosperity", "economy", "social_welfare", "environment", "international"],
            ids);
    }

    [Theory]
    [InlineData("inequality", 0)]
    [InlineData("control", 1)]
    [InlineData("international", 7)]
    [InlineData("my_theme", int.MaxValue)]
    [InlineData("Inequality", int.MaxValue)] // ids are compared ordinally; loaders lower-case them first
    [InlineData("", int.MaxValue)]
    public void OrderOf_ThemeId_GivesReportPosition(string id, int expected)
    {
        Assert.Equal(expected, Codebook.OrderOf(id));
    }
}
