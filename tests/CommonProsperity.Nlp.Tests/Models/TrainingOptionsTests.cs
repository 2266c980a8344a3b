using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Models;

public class TrainingOptionsTests
{
    private static readonly string[] Themes = ["control", "philanthropy"];

    /// <summary>A tiny bilingual label set (about 50 passages in 4 documents), enough to fit every trainer quickly.</summary>
    private static LabelSet TinyLabels(TempDirectory temp)
    {
        var rows = new List<string> { "text,themes,document,lang" };
        for (var i = 0; i < 12; i++)
        {
            rows.Add($"The foundation number {i} donated money to charity for the poor.,philanthropy,d{i % 4},en");
            rows.Add($"The party tightened political control {i} over social groups.,control,d{i % 4},en");
            rows.Add($"基金会{i}向慈善事业捐款，帮助困难群众。,philanthropy,d{i % 4},zh");
            rows.Add($"The weather {i} was mild and the harvest was ordinary.,,d{i % 4},en");
        }

        return LabelSet.Load([temp.Write("tiny.csv", string.Join("\n", rows) + "\n")], Themes);
    }

    [Theory]
    [InlineData(ClassifierTrainerKind.Lbfgs, FeatureSet.Chars | FeatureSet.Lexicon)]
    [InlineData(ClassifierTrainerKind.Sdca, FeatureSet.Words | FeatureSet.Context)]
    [InlineData(ClassifierTrainerKind.FastTree, FeatureSet.Lexicon | FeatureSet.Context | FeatureSet.Words)]
    public void Train_EachTrainerAndFeatureSet_SavesAModelThatPredictsTheSameAfterLoading(ClassifierTrainerKind trainer, FeatureSet features)
    {
        using var temp = new TempDirectory();
        var labels = TinyLabels(temp);
        var texts = new[] { "The charity foundation received donations.", "政府加强了对社会组织的控制。" };
        var groups = new[] { "x", "y" };

        var result = new ThemeClassifierTrainer(new TrainingOptions(Folds: 2, Trainer: trainer, Features: features)).Train(labels, DefaultLexicon.ReadText(), Themes);
        var path = temp.File("model.zip");
        result.Model.Save(path);
        var loaded = ThemeModel.Load(path);

        Assert.Equal(Themes, loaded.Themes);
        Assert.Equal(result.Model.PredictProbabilities(texts, groups), loaded.PredictProbabilities(texts, groups));
        Assert.Contains(TrainingOptionsDescription(features), loaded.Card.Features, StringComparison.Ordinal);
        Assert.All(result.OutOfFold, p => Assert.All(p, v => Assert.InRange(v, 0f, 1f)));
    }

    private static string TrainingOptionsDescription(FeatureSet features) =>
        features.HasFlag(FeatureSet.Chars) ? "character 1-3-grams" : features.HasFlag(FeatureSet.Words) ? "token uni+bigrams" : "lexicon";

    [Fact]
    public void Train_ThresholdShrinkZero_PutsEveryThresholdAtOneHalf()
    {
        using var temp = new TempDirectory();

        var result = new ThemeClassifierTrainer(new TrainingOptions(Folds: 2, Features: FeatureSet.Words, ThresholdShrink: 0)).Train(TinyLabels(temp), DefaultLexicon.ReadText(), Themes);

        Assert.All(result.Model.Card.Themes, t => Assert.Equal(0.5, t.Threshold, 12));
        Assert.Contains("shrunk toward 0.5", result.Model.Card.Trainer, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ThresholdShrinkHalf_MovesHalfWayFromTheTunedThreshold()
    {
        using var temp = new TempDirectory();
        var labels = TinyLabels(temp);

        var tuned = new ThemeClassifierTrainer(new TrainingOptions(Folds: 2, Features: FeatureSet.Words)).Train(labels, DefaultLexicon.ReadText(), Themes);
        var half = new ThemeClassifierTrainer(new TrainingOptions(Folds: 2, Features: FeatureSet.Words, ThresholdShrink: 0.5)).Train(labels, DefaultLexicon.ReadText(), Themes);

        for (var t = 0; t < Themes.Length; t++)
        {
            Assert.Equal(0.5 + ((tuned.Model.Card.Themes[t].Threshold - 0.5) / 2), half.Model.Card.Themes[t].Threshold, 4);
        }
    }

    [Theory]
    [InlineData("words,chars", FeatureSet.Words | FeatureSet.Chars)]
    [InlineData(" Lexicon , context ", FeatureSet.Lexicon | FeatureSet.Context)]
    [InlineData("lexicon,context", TrainingOptions.DefaultFeatures)]
    public void ParseFeatures_ReadsCommaSeparatedGroups(string text, FeatureSet expected)
    {
        Assert.Equal(expected, TrainingOptions.ParseFeatures(text));
        Assert.Equal(expected, TrainingOptions.ParseFeatures(TrainingOptions.FormatFeatures(expected)));
    }

    [Fact]
    public void ParseFeaturesAndTrainer_UnknownNames_SayWhatIsValid()
    {
        var features = Assert.Throws<OptionsException>(() => TrainingOptions.ParseFeatures("words,bigrams"));
        var trainer = Assert.Throws<OptionsException>(() => TrainingOptions.ParseTrainer("svm"));

        Assert.Contains("'bigrams' is not a feature group", features.Message, StringComparison.Ordinal);
        Assert.Contains("lbfgs, sdca or fasttree", trainer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1f, 1.0, FeatureSet.Words)]
    [InlineData(0.1f, 1.5, FeatureSet.Words)]
    [InlineData(0.1f, 1.0, FeatureSet.None)]
    public void Validate_BadValues_Throw(float l2, double shrink, FeatureSet features) =>
        Assert.Throws<OptionsException>(() => new TrainingOptions(L2: l2, ThresholdShrink: shrink, Features: features).Validate());
}
