using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Tests.Models;

public class ThemeClassifierTrainerTests(TrainedModelFixture fixture) : IClassFixture<TrainedModelFixture>
{
    [Fact]
    public void Train_CardDescribesThemesThresholdsDataAndCrossValidation()
    {
        var card = fixture.Result.Model.Card;

        Assert.Equal(ModelCard.CurrentFormat, card.FormatVersion);
        Assert.Equal(fixture.Labels.Passages.Count, card.Passages);
        Assert.Equal(64, Assert.Single(card.TrainingData).Sha256.Length);
        Assert.All(card.Themes, t => Assert.InRange(t.Threshold, 0.05, 0.95));
        Assert.Contains(card.CrossValidation, m => m.Theme == "macro" && m.Language == "all" && m.F1 > 0.5);
        Assert.Contains(card.CrossValidation, m => m.Theme == "macro" && m.Language == "en");
        Assert.Contains(card.LabelCounts, c => c.Theme == "philanthropy" && c.Language == "zh" && c.Count > 10);
        Assert.Equal(DefaultLexicon.Instance.Sha256, card.LexiconSha256);
    }

    [Fact]
    public void Train_ThemeWithTooFewPositives_IsSkippedWithAWarning()
    {
        using var temp = new CommonProsperity.Nlp.Tests.Support.TempDirectory();
        var rows = new List<string> { "text,themes,document" };
        for (var i = 0; i < 12; i++)
        {
            rows.Add($"The foundation {i} donated to charity.,philanthropy,d{i % 4}");
            rows.Add($"The party tightened control {i} over groups.,control,d{i % 4}");
        }

        rows.AddRange(["Incomes diverge sharply.,inequality,d1", "The wealth gap grows.,inequality,d2", "Nothing here.,,d3"]);
        var labels = LabelSet.Load([temp.Write("small.csv", string.Join("\n", rows) + "\n")], ["inequality", "control", "philanthropy"]);

        var result = new ThemeClassifierTrainer(new TrainingOptions(Folds: 2)).Train(labels, DefaultLexicon.ReadText(), ["inequality", "control", "philanthropy"]);

        Assert.Equal(["control", "philanthropy"], result.Model.Themes);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("theme 'inequality' has 2 positive passage(s), fewer than 5", warning, StringComparison.Ordinal);
        Assert.Equal(warning, Assert.Single(result.Model.Card.SkippedThemes));
    }

    [Fact]
    public void AssignFolds_KeepsEachDocumentInOneFoldAndBalancesSizes()
    {
        string[] groups = [.. Enumerable.Repeat("a", 50), .. Enumerable.Repeat("b", 30), .. Enumerable.Repeat("c", 30), .. Enumerable.Repeat("d", 10)];

        var folds = ThemeClassifierTrainer.AssignFolds(groups, 3);

        Assert.Equal(0, folds[0]);
        Assert.All(groups.Select((g, i) => (g, f: folds[i])).GroupBy(x => x.g), g => Assert.Single(g.Select(x => x.f).Distinct()));
        Assert.Equal([50, 40, 30], Enumerable.Range(0, 3).Select(f => folds.Count(x => x == f)));
    }

    [Fact]
    public void Train_OutOfFoldPredictionsNeverSeeTheirOwnDocument()
    {
        var result = fixture.Result;
        var documentFolds = result.Passages.Select((p, i) => (p.Document, Fold: result.Folds[i])).GroupBy(x => x.Document);

        Assert.All(documentFolds, g => Assert.Single(g.Select(x => x.Fold).Distinct()));
        Assert.Equal(result.Passages.Count, result.OutOfFold.Count);
        Assert.All(result.OutOfFold, p => Assert.All(p, v => Assert.InRange(v, 0f, 1f)));
    }

    [Fact]
    public void SaveAndLoad_GivesTheSamePredictions()
    {
        var texts = new[] { "鼓励高收入人群和企业更多回报社会，发展慈善事业。", "Regulators fined the platform for disorderly expansion of capital." };
        var groups = new[] { "a", "b" };

        var loaded = ThemeModel.Load(fixture.ModelPath);

        Assert.Equal(fixture.Result.Model.Themes, loaded.Themes);
        Assert.Equal(fixture.Result.Model.PredictProbabilities(texts, groups), loaded.PredictProbabilities(texts, groups));
        Assert.Contains("philanthropy", loaded.Decide(loaded.PredictProbabilities(texts, groups)[0]));
    }

    [Fact]
    public void Train_SameDataAndSeed_GiveTheSameModel()
    {
        var again = new ThemeClassifierTrainer(new TrainingOptions(Folds: 3)).Train(fixture.Labels, DefaultLexicon.ReadText(), DefaultLexicon.Instance.Themes);

        Assert.Equal(fixture.Result.Model.Card.Themes, again.Model.Card.Themes);
        Assert.Equal(fixture.Result.Model.Card.CrossValidation, again.Model.Card.CrossValidation);
        Assert.Equal(fixture.Result.OutOfFold, again.OutOfFold);
    }

    [Fact]
    public void PredictProbabilities_OnePassScoring_EqualsMlNetTransformers()
    {
        var model = ThemeModel.Load(fixture.ModelPath);
        var texts = fixture.Labels.Passages.Take(200).Select(p => p.Text).ToArray();
        var groups = fixture.Labels.Passages.Take(200).Select(p => p.Document ?? "").ToArray();

        var fast = model.PredictProbabilities(texts, groups);
        var tolerances = OnePassTolerance.Of(fixture.ModelPath, texts, groups);
        model.UseLinearFastPath = false;
        var slow = model.PredictProbabilities(texts, groups);

        // Not rounded to some decimals (two values 1e-9 apart can round apart): within what float32 arithmetic allows
        // for this passage's features (OnePassTolerance: 9e-7 to 5.5e-6 on these passages, which differ by 1.2e-7 at most); a wrong weight or feature is off by far more.
        for (var i = 0; i < texts.Length; i++)
        {
            for (var t = 0; t < model.Themes.Count; t++)
            {
                Assert.True(Math.Abs(slow[i][t] - fast[i][t]) <= tolerances[i][t],
                    $"passage {i}, theme {model.Themes[t]}: ML.NET {slow[i][t]:R}, one pass {fast[i][t]:R}, apart by {Math.Abs(slow[i][t] - fast[i][t]):R}, more than float32 arithmetic allows ({tolerances[i][t]:R})");
            }
        }
    }
}
