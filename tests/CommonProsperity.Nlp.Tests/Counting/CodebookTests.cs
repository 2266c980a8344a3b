using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class CodebookTests
{
    [Fact]
    public void Themes_AreTheCodebookDocumentsIdsInItsOrder()
    {
        // Arrange: the project's codebook (../shared/codebook.md) lists each theme as a table row "| `id` | name | ...".
        var documented = File.ReadLines(Path.Combine(TestPaths.Shared, "codebook.md"))
            .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\| `(?<id>[a-z_]+)` \| [^|`]+ \|"))
            .Where(m => m.Success)
            .Select(m => m.Groups["id"].Value)
            .ToList();

        // Act
        var ids = Codebook.Themes.Select(t => t.Id);

        // Assert
        Assert.Equal(["inequality", "control", "philanthropy"], documented.Take(3));
        Assert.Equal(documented, ids);
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
