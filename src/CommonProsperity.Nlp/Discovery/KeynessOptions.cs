using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>The settings of a keyness comparison; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Top">How many words to list per group and direction.</param>
/// <param name="MinCount">Words seen fewer times than this in the two groups together are not tested.</param>
/// <param name="MaxP">Only words with a G² p-value below this are listed.</param>
/// <param name="KeepStopWords">Count stop words too (they are left out by default).</param>
public sealed record KeynessOptions(int Top = 30, int MinCount = 5, double MaxP = 0.05, bool KeepStopWords = false)
{
    /// <summary>Checks the options.</summary>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public KeynessOptions Validate()
    {
        if (Top is < 1 or > 10_000)
        {
            throw new OptionsException($"{OptionName.Top} {Top} is out of range.", $"Use from 1 to 10000 words per group and direction (default 30).");
        }

        if (MinCount < 1)
        {
            throw new OptionsException($"{OptionName.MinCount} {MinCount} is below 1.", $"Use 1 or more (default 5).");
        }

        if (MaxP is <= 0 or > 1)
        {
            throw new OptionsException($"{OptionName.MaxP} {MaxP} is not in (0, 1].", $"Use a p-value such as 0.05 (default) or 1 to list every word.");
        }

        return this;
    }
}
