using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>The settings of <c>lexicon suggest</c>; <see cref="Validate"/> names any bad value.</summary>
/// <param name="MinSupport">A candidate must occur in at least this many passages labelled with the theme.</param>
/// <param name="MinPrecision">A candidate must have at least this share of its passages labelled with the theme.</param>
/// <param name="Top">The most candidates listed per theme.</param>
/// <param name="NewOnly">List only candidates that catch at least one passage of the theme that the lexicon misses now.</param>
/// <param name="Candidates">Score these terms (for example the n-grams or collocations found in a corpus) instead of the passages' own words and two-word phrases; null for those.</param>
public sealed record SuggestOptions(int MinSupport = 3, double MinPrecision = 0.6, int Top = 25, bool NewOnly = false, IReadOnlyList<string>? Candidates = null)
{
    /// <summary>Checks the options.</summary>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public SuggestOptions Validate()
    {
        if (MinSupport < 1)
        {
            throw new OptionsException($"{OptionName.MinSupport} {MinSupport} is below 1.", $"Use 1 or more passages (default 3).");
        }

        if (MinPrecision is < 0 or > 1)
        {
            throw new OptionsException($"{OptionName.MinPrecision} {MinPrecision} is not between 0 and 1.", $"Use a share such as 0.6 (default).");
        }

        if (Top is < 1 or > 10_000)
        {
            throw new OptionsException($"{OptionName.Top} {Top} is out of range.", $"Use from 1 to 10000 candidates per theme (default 25).");
        }

        return this;
    }
}
