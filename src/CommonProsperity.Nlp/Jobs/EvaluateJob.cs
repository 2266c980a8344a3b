using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>evaluate</c>: a model (and optionally a lexicon, scored the same way) against labelled passages;
/// writes <c>metrics.csv</c>, <c>predictions.csv</c> and <c>confusions.csv</c> atomically.
/// </summary>
/// <param name="model">The model.</param>
/// <param name="modelPath">Where the model was read from, for messages.</param>
public sealed class EvaluateJob(ThemeModel model, string modelPath)
{
    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Scores the model (and <paramref name="lexicon"/>) on <paramref name="labels"/> and writes the reports to <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="Errors.ModelException">The labels use a theme the model does not have.</exception>
    public ModelEvaluation Run(LabelSet labels, Lexicon? lexicon, BootstrapOptions bootstrap, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(bootstrap);
        var passages = labels.Passages;
        _model.RequireThemes(passages.SelectMany(p => p.Themes).Distinct(StringComparer.Ordinal), modelPath);
        var evaluation = ModelEvaluator.Evaluate(_model, passages, lexicon, bootstrap);
        ClassificationReports.WriteEvaluation(outputDirectory, _model, passages, evaluation);
        return evaluation;
    }
}
