using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>docs/library.md shows <see cref="LibraryExample"/> as it is, and the example works.</summary>
public sealed class LibraryExampleTests
{
    [Fact]
    public void LibraryPage_Example_IsTheCompiledExample()
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "library.md")).ReplaceLineEndings("\n");
        var example = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "CommonProsperity.Nlp.Tests", "Docs", "LibraryExample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + example + "```\n", page, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyseFolder_MiniCorpus_WritesTheReportsAndNamesTheSkips()
    {
        using var temp = new TempDirectory();

        var result = LibraryExample.AnalyseFolder(TestPaths.MiniCorpus, temp.File("reports"));

        Assert.True(result.Documents > 0);
        Assert.NotEmpty(result.Problems);
        Assert.True(File.Exists(temp.File("reports/theme_frequency.csv")));
    }

    [Fact]
    public void Matches_EnglishAndChineseText_NamesThemesAndWords()
    {
        var hits = LibraryExample.Matches("Common prosperity asks more of charity. 共同富裕");

        Assert.Contains(("common_prosperity", "Common prosperity"), hits);
        Assert.Contains(("common_prosperity", "共同富裕"), hits);
    }
}
