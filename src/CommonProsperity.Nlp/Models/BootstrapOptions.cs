using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Models;

/// <summary>Settings of the document bootstrap behind the confidence intervals; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Resamples">How many resamples of the documents (0: no intervals).</param>
/// <param name="Seed">The random seed (same passages, predictions and seed: same intervals).</param>
/// <param name="Confidence">The coverage of the interval (0.95: from the 2.5th to the 97.5th percentile).</param>
public sealed record BootstrapOptions(int Resamples = 1000, int Seed = 42, double Confidence = 0.95)
{
    /// <summary>Checks the settings.</summary>
    /// <exception cref="OptionsException">A setting cannot work.</exception>
    public BootstrapOptions Validate()
    {
        if (Resamples is < 0 or > 100_000)
        {
            throw new OptionsException($"{OptionName.Resamples} {Resamples} is out of range.", $"Use 0 (no intervals) to 100000; 1000 is usual.");
        }

        if (Confidence is <= 0 or >= 1 || double.IsNaN(Confidence))
        {
            throw new OptionsException($"the confidence level {Confidence} is not between 0 and 1.", $"Use for example 0.95 for a 95% interval.");
        }

        return this;
    }
}
