using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>The built-in lexicon on the real corpus: every count is backed by evidence rows that quote the text.</summary>
public class SharedCorpusTests
{
    [Fact]
    public void Run_SharedCorpus_EvidenceRowsJustifyEveryCount()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");

        var result = new AnalysisPipeline(DefaultLexicon.Instance).Run(new AnalysisOptions([corpus], temp.Path, new IngestionOptions()));

        Assert.Equal(13, result.Documents);
        Assert.Empty(result.Problems.Skipped());
        var frequency = ReportReader.Read(temp.File(ReportFiles.ThemeFrequency));
        var evidence = ReportReader.Read(temp.File(ReportFiles.Evidence));
        Assert.Equal(frequency.Sum(r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture)), evidence.Count);
        foreach (var group in evidence.GroupBy(e => (e["document"], e["theme"])))
        {
            var row = frequency.Single(r => r["document"] == group.Key.Item1 && r["theme"] == group.Key.Item2);
            Assert.Equal(row["hits"], group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var texts = new Dictionary<string, string>();
        foreach (var e in evidence)
        {
            if (!texts.TryGetValue(e["document"], out var text))
            {
                texts[e["document"]] = text = File.ReadAllText(Path.Combine(corpus, e["document"]));
            }

            var start = int.Parse(e["start"], System.Globalization.CultureInfo.InvariantCulture);
            var end = int.Parse(e["end"], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(text[start..end], e["match"]);
        }

        Assert.Equal(["en", "zh"], frequency.Select(r => r["language"]).Distinct().Order(StringComparer.Ordinal));
        foreach (var theme in new[] { "inequality", "control", "philanthropy" })
        {
            Assert.True(frequency.Where(r => r["theme"] == theme && r["language"] == "zh").Sum(r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture)) > 0, theme + " zh");
            Assert.True(frequency.Where(r => r["theme"] == theme && r["language"] == "en").Sum(r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture)) > 0, theme + " en");
        }
    }
}
