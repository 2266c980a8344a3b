using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Tests.Models;

public class DocumentBootstrapTests
{
    private static readonly string[] Themes = ["a", "b"];

    private static IReadOnlySet<string> S(params string[] themes) => themes.ToHashSet(StringComparer.Ordinal);

    /// <summary>Passages of <paramref name="documents"/> documents whose quality differs from one document to the next.</summary>
    private static (IReadOnlySet<string>[] Gold, IReadOnlySet<string>[] Predicted, string[] Languages, string?[] Documents) Mixed(int documents)
    {
        var gold = new List<IReadOnlySet<string>>();
        var predicted = new List<IReadOnlySet<string>>();
        var languages = new List<string>();
        var docs = new List<string?>();
        for (var d = 0; d < documents; d++)
        {
            for (var i = 0; i < 12; i++)
            {
                var isA = i % 3 != 0;
                gold.Add(isA ? S("a") : S("b"));
                // Document d gets its first d % 4 passages of each kind wrong.
                var wrong = i < d % 4 * 3;
                predicted.Add(wrong ? (isA ? S("b") : S()) : gold[^1]);
                languages.Add(d % 2 == 0 ? "en" : "zh");
                docs.Add("doc" + d.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ([.. gold], [.. predicted], [.. languages], [.. docs]);
    }

    [Fact]
    public void Intervals_MixedDocuments_ContainThePointEstimates()
    {
        var (gold, predicted, languages, documents) = Mixed(10);

        var points = MultiLabelEvaluator.Evaluate(Themes, gold, predicted, languages);
        var intervals = DocumentBootstrap.Intervals(Themes, gold, predicted, languages, documents, new BootstrapOptions(1000, Seed: 7));

        Assert.Equal(points.Count, intervals.Count);
        for (var k = 0; k < points.Count; k++)
        {
            Assert.Equal((points[k].Theme, points[k].Language), (intervals[k].Theme, intervals[k].Language));
            Assert.True(intervals[k].F1.Contains(points[k].F1), $"{points[k].Theme}/{points[k].Language}: F1 {points[k].F1} outside {intervals[k].F1}");
            Assert.True(intervals[k].Precision.Contains(points[k].Precision), $"{points[k].Theme}/{points[k].Language}: precision {points[k].Precision} outside {intervals[k].Precision}");
            Assert.True(intervals[k].Recall.Contains(points[k].Recall), $"{points[k].Theme}/{points[k].Language}: recall {points[k].Recall} outside {intervals[k].Recall}");
            Assert.True(intervals[k].F1.Low < intervals[k].F1.High, $"{points[k].Theme}/{points[k].Language}: documents differ, so the interval has a width");
        }
    }

    [Fact]
    public void Intervals_SameSeed_SameIntervals()
    {
        var (gold, predicted, languages, documents) = Mixed(10);

        var first = DocumentBootstrap.Intervals(Themes, gold, predicted, languages, documents, new BootstrapOptions(500, Seed: 3));
        var again = DocumentBootstrap.Intervals(Themes, gold, predicted, languages, documents, new BootstrapOptions(500, Seed: 3));

        Assert.Equal(first, again);
    }

    [Fact]
    public void Intervals_OneDocumentPerLanguage_CollapseToThePointEstimate()
    {
        // Every resample draws the one English and the one Chinese document again: all resamples are the same.
        IReadOnlySet<string>[] gold = [S("a"), S("a", "b"), S(), S("b"), S("a")];
        IReadOnlySet<string>[] predicted = [S("a"), S("a"), S("a"), S("b"), S()];
        string[] languages = ["en", "en", "en", "zh", "zh"];
        string?[] documents = ["e", "e", "e", "z", "z"];

        var points = MultiLabelEvaluator.Evaluate(Themes, gold, predicted, languages);
        var intervals = DocumentBootstrap.Intervals(Themes, gold, predicted, languages, documents, new BootstrapOptions(200));

        for (var k = 0; k < points.Count; k++)
        {
            Assert.Equal(points[k].F1, intervals[k].F1.Low, 12);
            Assert.Equal(points[k].F1, intervals[k].F1.High, 12);
        }
    }

    [Fact]
    public void Intervals_ResampleDocumentsNotPassages()
    {
        // Two documents of ten passages, each gold 'a': the model gets all of one right and all of the other wrong.
        // Resampling documents draws the good one twice or the bad one twice a quarter of the time each, so the
        // 95% interval of F1 runs from 0 to 1; resampling the twenty passages one by one would give a narrow
        // interval around 2/3, as if the passages were independent.
        var gold = Enumerable.Repeat(S("a"), 20).ToArray();
        var predicted = Enumerable.Range(0, 20).Select(i => i < 10 ? S("a") : S()).ToArray();
        var languages = Enumerable.Repeat("en", 20).ToArray();
        var grouped = Enumerable.Range(0, 20).Select(i => (string?)(i < 10 ? "good" : "bad")).ToArray();
        var ungrouped = new string?[20];

        var byDocument = Single(DocumentBootstrap.Intervals(Themes, gold, predicted, languages, grouped, new BootstrapOptions(1000)));
        var byPassage = Single(DocumentBootstrap.Intervals(Themes, gold, predicted, languages, ungrouped, new BootstrapOptions(1000)));

        Assert.Equal(0.0, byDocument.Low, 12);
        Assert.Equal(1.0, byDocument.High, 12);
        Assert.InRange(byPassage.Low, 0.3, 2.0 / 3);
        Assert.InRange(byPassage.High, 2.0 / 3, 0.9);

        static MetricInterval Single(IReadOnlyList<MetricIntervals> intervals) => intervals.Single(i => i.Theme == "a" && i.Language == "all").F1;
    }

    [Fact]
    public void Intervals_ThemeNeverPredicted_PrecisionIntervalUndefined()
    {
        IReadOnlySet<string>[] gold = [S("b"), S("b"), S()];
        IReadOnlySet<string>[] predicted = [S(), S(), S()];

        var intervals = DocumentBootstrap.Intervals(Themes, gold, predicted, ["en", "en", "en"], ["x", "y", "z"], new BootstrapOptions(100));

        var b = intervals.Single(i => i.Theme == "b" && i.Language == "all");
        Assert.False(b.Precision.IsDefined);
        Assert.Equal(new MetricInterval(0, 0), b.Recall);
    }

    [Fact]
    public void Percentiles_KnownValues_InterpolateLinearly()
    {
        var values = Enumerable.Range(0, 101).Select(i => (double)i).Reverse().ToArray();

        var interval = DocumentBootstrap.Percentiles(values, 0.95);

        Assert.Equal(2.5, interval.Low, 12);
        Assert.Equal(97.5, interval.High, 12);
        Assert.False(DocumentBootstrap.Percentiles([], 0.95).IsDefined);
    }

    [Theory]
    [InlineData(-1, 0.95)]
    [InlineData(1000, 1.0)]
    [InlineData(1000, 0.0)]
    public void Options_OutOfRange_Throw(int resamples, double confidence) =>
        Assert.Throws<OptionsException>(() => new BootstrapOptions(resamples, 1, confidence).Validate());
}
