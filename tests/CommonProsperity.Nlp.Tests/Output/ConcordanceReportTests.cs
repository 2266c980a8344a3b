using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>docs/kwic.md names every column the concordance and validation reports declare.</summary>
public class ConcordanceReportTests
{
    public static TheoryData<string> Columns() =>
        [.. ConcordanceReport.Sample.Columns.Select(c => c.Name).Concat(ValidatedPrecisionReport.Layout.Columns.Select(c => c.Name)).Distinct()];

    [Theory]
    [MemberData(nameof(Columns))]
    public void KwicPage_NamesTheColumn(string column)
    {
        var page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "kwic.md"));

        Assert.Contains($"`{column}`", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_IsTheFullLayoutWithACorrectColumnBeforeTheMetadata()
    {
        var full = ConcordanceReport.Lines.Columns.Select(c => c.Name).ToList();
        var sample = ConcordanceReport.Sample.Columns.Select(c => c.Name).ToList();

        Assert.Equal(full.Count + 1, sample.Count);
        Assert.Equal(sample.IndexOf("sentence_index") + 1, sample.IndexOf(KwicLine.CorrectColumn));
        Assert.Equal(full, sample.Where(c => c != KwicLine.CorrectColumn));
    }
}
