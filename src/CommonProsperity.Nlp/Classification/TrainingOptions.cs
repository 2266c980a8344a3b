using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Classification;

/// <summary>Settings of <c>cpnlp train</c>; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Folds">Cross-validation folds (grouped by document).</param>
/// <param name="Seed">The random seed (same data and seed, same model).</param>
/// <param name="MinPositives">Themes with fewer positive passages are skipped with a warning.</param>
/// <param name="L2">L2 regularisation of the logistic regressions.</param>
public sealed record TrainingOptions(int Folds = 5, int Seed = 42, int MinPositives = 5, float L2 = 0.1f)
{
    /// <summary>Checks the settings.</summary>
    /// <exception cref="OptionsException">A setting cannot work.</exception>
    public TrainingOptions Validate()
    {
        if (Folds is < 2 or > 20)
        {
            throw new OptionsException($"--folds {Folds} is out of range.", "Use 2 to 20 folds (default 5).");
        }

        if (MinPositives < 1)
        {
            throw new OptionsException($"the minimum number of positives {MinPositives} is below 1.");
        }

        if (L2 < 0)
        {
            throw new OptionsException($"the L2 regularisation {L2} is negative.");
        }

        return this;
    }
}
