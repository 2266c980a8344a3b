using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>A dictionary's category names and weights in the reports of analyze (issue 12).</summary>
public sealed class LabelledWeightedReportsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private (string Out, string Input) Analyze(string dictionary, string text)
    {
        var input = _temp.Write("text.txt", text);
        var output = _temp.File("out");
        var (code, _, error) = CliRunner.Run("analyze", input, "--lexicon", Path.Combine(TestPaths.Fixtures, "Dictionaries", dictionary), "--out", output);
        Assert.True(code == 0, error);
        return (output, input);
    }

    [Fact]
    public void Analyze_WeightedDictionary_AddsWeightedScoresBesideHits()
    {
        // Arrange: gain* weighs 1.5, stable 0.25 (Positive); loss* weighs -2 (Negative).
        var (output, _) = Analyze("weighted.dicx", "Gains were stable; losses mounted. More gains came.");

        // Act
        var themes = ReportReader.Read(Path.Combine(output, "theme_frequency.csv"));
        var wide = ReportReader.Read(Path.Combine(output, "theme_frequency_wide.csv")).Single();
        var corpus = ReportReader.Read(Path.Combine(output, "corpus_summary.csv")).Where(r => r["group_by"] == "all").ToList();
        var terms = ReportReader.Read(Path.Combine(output, "term_frequency.csv"));

        // Assert
        Assert.Equal(["document", "theme", "theme_label", "hits", "weighted", "tokens"], themes[0].Keys.Take(6));
        Assert.Equal([("positive", "Positive", "3", "3.2500"), ("negative", "Negative", "1", "-2.0000")], themes.Select(r => (r["theme"], r["theme_label"], r["hits"], r["weighted"])));
        Assert.Equal(("3", "1", "3.2500", "-2.0000"), (wide["positive_hits"], wide["negative_hits"], wide["positive_weighted"], wide["negative_weighted"]));
        Assert.Equal(["3.2500", "-2.0000"], corpus.Select(r => r["weighted"]));
        Assert.Equal([("gain*", "1.5000", "2"), ("stable", "0.2500", "1"), ("loss*", "-2.0000", "1")], terms.Select(r => (r["term"], r["weight"], r["hits"])));
    }

    [Fact]
    public void Analyze_NestedDictionaryWithoutWeights_LabelsEachLevelAndAddsNoWeightedColumns()
    {
        // Arrange
        var (output, _) = Analyze("themes.cat", "Market reforms and GDP growth; pensions and health care.");

        // Act
        var themes = ReportReader.Read(Path.Combine(output, "theme_frequency.csv"));
        var evidence = ReportReader.Read(Path.Combine(output, "evidence.csv"));

        // Assert: the parent counts the words of both its children; evidence names each match's label.
        Assert.DoesNotContain("weighted", themes[0].Keys);
        Assert.Equal(
            [("economy", "ECONOMY", "3"), ("economy_markets", "ECONOMY/MARKETS", "1"), ("economy_growth", "ECONOMY/GROWTH", "2"), ("welfare", "WELFARE", "2")],
            themes.Select(r => (r["theme"], r["theme_label"], r["hits"])));
        Assert.Equal(["document", "theme", "theme_label", "term"], evidence[0].Keys.Take(4));
        Assert.Equal(3, evidence.Count(r => r["theme"] == "economy" && r["theme_label"] == "ECONOMY"));
        Assert.Contains(evidence, r => r["theme_label"] == "ECONOMY/GROWTH" && r["match"] == "GDP");
    }
}
