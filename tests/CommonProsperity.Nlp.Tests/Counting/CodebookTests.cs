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

    [Fact]
    public void Themes_AreTheReadmesThemeTable()
    {
        // The README's theme table is made from Codebook.cs, so that a new theme is not written there by hand.
        const string Begin = "<!-- Generated from src/CommonProsperity.Nlp/Counting/Codebook.cs by CodebookTests; a test checks it is current (CPNLP_UPDATE_DOCS=1 rewrites it). -->";
        const string End = "<!-- End of the generated theme table. -->";
        var table = new System.Text.StringBuilder().Append(Begin).Append("\n\n| id | theme |\n|---|---|\n");
        foreach (var theme in Codebook.Themes)
        {
            table.Append("| `").Append(theme.Id).Append("` | ").Append(theme.Name).Append(": ").Append(theme.Covers).Append(" |\n");
        }

        GeneratedSection.AssertCurrent("README.md", Begin, End, table.Append('\n').Append(End).Append('\n').ToString());
    }

    [Fact]
    public void Themes_EachHasANameAndWhatItCovers()
    {
        Assert.All(Codebook.Themes, t => Assert.False(string.IsNullOrWhiteSpace(t.Name) || string.IsNullOrWhiteSpace(t.Covers) || t.Covers.Contains('|', StringComparison.Ordinal), t.Id));
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
