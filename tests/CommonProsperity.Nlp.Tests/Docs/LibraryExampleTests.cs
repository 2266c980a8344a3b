using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>
/// docs/library.md shows <see cref="LibraryExample"/> as it is, the example works and uses only the public
/// API, and the page's API table names exactly the library's public types.
/// </summary>
public sealed partial class LibraryExampleTests
{
    private static string Page => File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "library.md")).ReplaceLineEndings("\n");

    [Fact]
    public void LibraryPage_ApiTable_NamesExactlyThePublicTypes()
    {
        var table = Page[Page.IndexOf("## The API", StringComparison.Ordinal)..];
        var documented = table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal) || l.StartsWith("| (root)", StringComparison.Ordinal))
            .SelectMany(l => TypeName().Matches(l.Split('|')[2]).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        // A row may name a kind of type by its ending (`*Job`: every job, one per command), so a new job needs no line here.
        var endings = table.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(l => Ending().Matches(l.Split('|')[2]).Select(m => m.Groups[1].Value)).ToList();
        var exported = typeof(Lexicon).Assembly.GetExportedTypes().Where(t => !t.IsNested)
            .Select(t => t.Name.Split('`')[0]).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(exported.Except(documented).Where(t => !endings.Any(e => t.EndsWith(e, StringComparison.Ordinal))).Order(StringComparer.Ordinal));
        Assert.All(endings, e => Assert.Contains(exported, t => t.EndsWith(e, StringComparison.Ordinal)));
        Assert.Empty(documented.Except(exported).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LibraryExample_UsesOnlyThePublicApi()
    {
        var library = typeof(Lexicon).Assembly;

        var used = ArchitectureTests.References(typeof(LibraryExample)).Where(t => t.Assembly == library).Select(ArchitectureTests.Outer).Distinct();

        Assert.All(used, t => Assert.True(t.IsPublic, $"{t.FullName} is used by the example but is not public"));
    }

    [Fact]
    public void LibraryPage_Example_IsTheCompiledExample()
    {
        var example = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "tests", "CommonProsperity.Nlp.Tests", "Docs", "LibraryExample.cs")).ReplaceLineEndings("\n");

        Assert.Contains("```csharp\n" + example + "```\n", Page, StringComparison.Ordinal);
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

    [GeneratedRegex("`([A-Z][A-Za-z]+)`")]
    private static partial Regex TypeName();

    [GeneratedRegex("`\\*([A-Z][A-Za-z]+)`")]
    private static partial Regex Ending();
}
