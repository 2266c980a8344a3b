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
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "reports.md");
        var page = File.ReadAllText(path).ReplaceLineEndings("\n");
        var from = page.IndexOf(begin, StringComparison.Ordinal);
        var to = page.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/reports.md lacks the lines that enclose the generated tables:\n{begin}\n{end}");
        var current = page[from..(to + end.Length + 1)];
        var generated = ReportReference.Markdown(layouts, begin, end);
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, page.Replace(current, generated, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(generated, current);
    }

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
