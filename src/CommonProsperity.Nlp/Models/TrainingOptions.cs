using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Models;

/// <summary>Settings of <c>cpnlp train</c>; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Folds">Cross-validation folds (grouped by document).</param>
/// <param name="Seed">The random seed (same data and seed, same model).</param>
/// <param name="MinPositives">Themes with fewer positive passages are skipped with a warning.</param>
/// <param name="L2">L2 regularisation of the logistic regressions (ignored by FastTree).</param>
/// <param name="Trainer">The binary trainer fitted per theme.</param>
/// <param name="Features">The feature groups (at least one).</param>
/// <param name="ThresholdShrink">
/// How much of the move away from 0.5 that the out-of-fold F1 optimum asks for a theme's threshold is
/// kept: 1 keeps the optimum, 0 leaves every threshold at 0.5. Thresholds tuned on few documents follow
/// their quirks; shrinking them toward 0.5 trades a little cross-validated F1 for stability on new documents.
/// </param>
public sealed record TrainingOptions(
    int Folds = 5,
    int Seed = 42,
    int MinPositives = 5,
    float L2 = 1f,
    ClassifierTrainerKind Trainer = ClassifierTrainerKind.Lbfgs,
    FeatureSet Features = TrainingOptions.DefaultFeatures,
    double ThresholdShrink = 1.0)
{
    /// <summary>
    /// The feature groups used unless others are asked for: the lexicon hits and the document profile, the
    /// two that transfer to new documents and across languages (docs/classifier-experiments.md: the text
    /// n-grams learned from the training documents lowered the macro-F1 on the dev documents).
    /// </summary>
    public const FeatureSet DefaultFeatures = FeatureSet.Lexicon | FeatureSet.Context;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="OptionsException">A setting cannot work.</exception>
    public TrainingOptions Validate()
    {
        if (Folds is < 2 or > 20)
        {
            throw new OptionsException($"{OptionName.Folds} {Folds} is out of range.", $"Use 2 to 20 folds (default 5).");
        }

        if (MinPositives < 1)
        {
            throw new OptionsException($"the minimum number of positives {MinPositives} is below 1.");
        }

        if (L2 < 0 || float.IsNaN(L2))
        {
            throw new OptionsException($"{OptionName.L2} {L2} is negative.", $"Use 0 or more, for example 0.1 (larger: simpler models).");
        }

        if ((Features & ~(FeatureSet.Words | FeatureSet.Chars | FeatureSet.Subwords | FeatureSet.Lexicon | FeatureSet.Context)) != 0 || Features == FeatureSet.None)
        {
            throw new OptionsException($"{OptionName.Features} '{Features}' is empty or unknown.", $"Name at least one of words, chars, subwords, lexicon, context.");
        }

        if (ThresholdShrink is < 0 or > 1 || double.IsNaN(ThresholdShrink))
        {
            throw new OptionsException($"{OptionName.ThresholdShrink} {ThresholdShrink} is not between 0 and 1.", $"Use 1 to keep the cross-validated thresholds, 0 for 0.5 everywhere, or a value between.");
        }

        return this;
    }

    /// <summary>Each feature group with its name on the command line and its description in a model card, declared once.</summary>
    private static readonly (FeatureSet Group, string Name, string Description)[] Groups =
    [
        (FeatureSet.Words, "words", "counting-rule token uni+bigrams (TF-IDF, L2)"),
        (FeatureSet.Chars, "chars", "character 1-3-grams (TF-IDF, L2)"),
        (FeatureSet.Subwords, "subwords", "o200k subword unigrams (TF-IDF, L2)"),
        (FeatureSet.Lexicon, "lexicon", "lexicon theme hits (binary, log(1+n))"),
        (FeatureSet.Context, "context", "document lexicon profile"),
    ];

    /// <summary>Parses a comma-separated list of feature groups (<c>words,chars,subwords,lexicon,context</c>).</summary>
    /// <exception cref="OptionsException">A name is not a feature group.</exception>
    public static FeatureSet ParseFeatures(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = FeatureSet.None;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var group = Array.Find(Groups, g => g.Name == name.ToLowerInvariant());
            set |= group.Name is null
                ? throw new OptionsException($"'{name}' is not a feature group.", $"Use a comma-separated list of {string.Join(", ", Groups.Select(g => g.Name))}.")
                : group.Group;
        }

        return set;
    }

    /// <summary>The feature groups as the comma-separated list <see cref="ParseFeatures"/> reads.</summary>
    public static string FormatFeatures(FeatureSet features) => string.Join(',', Groups.Where(g => features.HasFlag(g.Group)).Select(g => g.Name));

    /// <summary>The feature groups in words, for the model card.</summary>
    public static string DescribeFeatures(FeatureSet features) => string.Join(", ", Groups.Where(g => features.HasFlag(g.Group)).Select(g => g.Description));

    /// <summary>Parses a trainer name (<c>lbfgs</c>, <c>sdca</c>, <c>fasttree</c>).</summary>
    /// <exception cref="OptionsException">The name is not a trainer.</exception>
    public static ClassifierTrainerKind ParseTrainer(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "lbfgs" => ClassifierTrainerKind.Lbfgs,
            "sdca" => ClassifierTrainerKind.Sdca,
            "fasttree" => ClassifierTrainerKind.FastTree,
            _ => throw new OptionsException($"'{text}' is not a trainer.", $"Use lbfgs, sdca or fasttree."),
        };
    }
}
