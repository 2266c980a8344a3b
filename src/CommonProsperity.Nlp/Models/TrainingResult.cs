namespace CommonProsperity.Nlp.Models;

/// <summary>What <c>train</c> produced: the model, and the cross-validated predictions behind its thresholds and metrics.</summary>
/// <param name="Model">The trained model (fitted on all passages).</param>
/// <param name="Passages">The passages trained on.</param>
/// <param name="Folds">Per passage, its cross-validation fold (all passages of a document share one).</param>
/// <param name="OutOfFold">Per passage, the probabilities per theme from the model that did not see its fold.</param>
/// <param name="Warnings">Label merges, conflicts and skipped themes.</param>
public sealed record TrainingResult(ThemeModel Model, IReadOnlyList<LabeledPassage> Passages, IReadOnlyList<int> Folds, IReadOnlyList<float[]> OutOfFold, IReadOnlyList<string> Warnings);
