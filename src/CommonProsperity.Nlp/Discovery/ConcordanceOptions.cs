using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>The settings of a concordance; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Context">Characters of context shown each side of a match.</param>
/// <param name="Sample">Draw this many matches at random (with an empty column for hand checking); null for every match.</param>
/// <param name="Seed">The seed of the random sample: the same seed draws the same lines.</param>
/// <param name="Themed">The lexicon's themes are themes (a lexicon theme), not search terms.</param>
public sealed record ConcordanceOptions(int Context = 40, int? Sample = null, int Seed = 1, bool Themed = false)
{
    /// <summary>The widest context allowed each side, in characters.</summary>
    public const int MaxContext = 2000;

    /// <summary>Checks the options.</summary>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public ConcordanceOptions Validate()
    {
        if (Context is < 0 or > MaxContext)
        {
            throw new OptionsException($"{OptionName.Context} {Context} is out of range.", $"Use from 0 to {MaxContext} characters each side (default 40).");
        }

        if (Sample is < 1)
        {
            throw new OptionsException($"{OptionName.Sample} {Sample} is below 1.", $"Ask for a sample of at least 1 line, or leave out {OptionName.Sample} to list every match.");
        }

        return this;
    }
}
