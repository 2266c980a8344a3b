using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>
/// docs/reports.md holds the column tables generated from the reports' declarations, and the
/// declarations give exactly the headers of the golden reports.
/// </summary>
public sealed class ReportReferenceTests
{
    [Theory]
    [InlineData("analyze")]
    [InlineData("discovery")]
    [InlineData("classifier")]
    [InlineData("merge")]
    public void ReportsPage_GeneratedColumnTables_AreCurrent(string block)
    {
        var (begin, end, layouts) = block switch
        {
            "analyze" => (ReportReference.Begin, ReportReference.End, AnalysisReports.All),
            "discovery" => (ReportReference.DiscoveryBegin, ReportReference.DiscoveryEnd, ReportReference.Discovery),
            "merge" => (ReportReference.MergeBegin, ReportReference.MergeEnd, AnalysisReports.MergeOnly),
            _ => (ReportReference.ClassifierBegin, ReportReference.ClassifierEnd, ClassificationReports.All),
        };
        GeneratedSection.AssertCurrent("docs/reports.md", begin, end, ReportReference.Markdown(layouts, begin, end));
    }

    [Fact]
    public void Docs_LinksIntoTheReportsPage_EachNameAnAnchorItHas()
    {
        var reports = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "reports.md"));
        var anchors = System.Text.RegularExpressions.Regex.Matches(reports, "<a id=\"(?<id>[^\"]+)\"></a>").Select(m => m.Groups["id"].Value)
            .Concat(reports.Split('\n').Where(l => l.StartsWith('#')).Select(Slug))
            .ToHashSet(StringComparer.Ordinal);
        var pages = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Append(Path.Combine(TestPaths.RepoRoot, "README.md"));

        var broken = pages
            .SelectMany(p => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(p), @"\(((docs/)?reports\.md)?#(?<id>[^)\s]+)\)")
                .Where(m => Path.GetFileName(p) == "reports.md" || m.Value.Contains("reports.md", StringComparison.Ordinal))
                .Select(m => (Page: Path.GetFileName(p), Id: m.Groups["id"].Value)))
            .Where(link => !anchors.Contains(link.Id))
            .Select(link => $"{link.Page}: reports.md#{link.Id}")
            .ToList();

        Assert.True(broken.Count == 0, "links to anchors docs/reports.md does not have:\n" + string.Join('\n', broken));
        Assert.Contains(ReportReference.Anchor(ReportFiles.ThemeFrequencyWide), anchors);
    }

    /// <summary>The anchor GitHub gives a heading: lower case, punctuation other than hyphens left out, spaces as hyphens.</summary>
    private static string Slug(string heading) =>
        new([.. heading.TrimStart('#').Trim().ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').Select(c => c == ' ' ? '-' : c)]);

    public static TheoryData<string> Layouts() => [.. AnalysisReports.All.Select(l => l.File)];

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Header_MiniLexiconThemes_IsTheGoldenReportsHeader(string report)
    {
        var themes = new LexiconMatcher(LexiconLoader.Load(TestPaths.MiniLexicon)).Themes;
        var golden = File.ReadLines(Path.Combine(TestPaths.SourceFixtures, "Golden", report)).First().TrimStart('\uFEFF').Split(',');
        var layout = AnalysisReports.All.Single(l => l.File == report);
        // The mini lexicon has neither theme labels nor weights, so the columns that stand only for those are absent; the goldens have the full evidence.
        var declared = layout.Columns.Where(c => c.Only is ColumnCondition.Always or ColumnCondition.FullEvidence).SelectMany(c => c.PerTheme ? themes.Select(t => t + c.Name) : [c.Name]).ToList();

        Assert.Equal(declared, golden.Take(declared.Count));
        Assert.All(golden.Skip(declared.Count), c => Assert.StartsWith("meta_", c, StringComparison.Ordinal));
        Assert.True(layout.MetadataColumns || golden.Length == declared.Count);
    }
}
