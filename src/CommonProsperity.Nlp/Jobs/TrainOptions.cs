using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What <see cref="TrainJob"/> trains on and writes.</summary>
/// <param name="Labels">Label files, merged.</param>
/// <param name="Output">The model file to write.</param>
/// <param name="Training">How the classifiers are trained.</param>
/// <param name="Themes">The themes to train (null: the lexicon's).</param>
/// <param name="EvaluateOn">Labelled passages of other documents to score the finished model on (null: none).</param>
/// <param name="Report">A folder for the cross-validation reports (null: none).</param>
public sealed record TrainOptions(IReadOnlyList<string> Labels, string Output, TrainingOptions Training, IReadOnlyList<string>? Themes = null,
    string? EvaluateOn = null, string? Report = null);
