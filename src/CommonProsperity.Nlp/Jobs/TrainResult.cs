using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What a <see cref="TrainJob"/> run made.</summary>
/// <param name="Model">The model written (with its evaluation on held-out labels, when asked for).</param>
/// <param name="Training">The training run: passages, folds, out-of-fold scores.</param>
/// <param name="Intervals">The cross-validated metrics' 95% intervals, in the order of the model card's cross-validation metrics.</param>
/// <param name="Warnings">Warnings in order: held-out passages also trained on, the labels', then the trainer's.</param>
/// <param name="LabelWarnings">How many of <paramref name="Warnings"/> are the labels' (duplicates and conflicts; they may run into thousands).</param>
public sealed record TrainResult(ThemeModel Model, TrainingResult Training, IReadOnlyList<MetricIntervals>? Intervals, IReadOnlyList<string> Warnings, int LabelWarnings);
