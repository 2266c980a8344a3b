using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>The settings of n-gram and collocation finding; <see cref="Validate"/> names any bad value.</summary>
/// <param name="MinSize">The shortest n-gram, in units (n-grams only; collocations are pairs).</param>
/// <param name="MaxSize">The longest n-gram, in units.</param>
/// <param name="MinCount">An n-gram or pair seen fewer times than this in a group is not listed.</param>
/// <param name="Top">The most n-grams (per group, language and size) or collocations (per group and language) listed.</param>
/// <param name="Unit">Words, or Chinese characters.</param>
/// <param name="KeepStopWords">Also list n-grams and pairs that begin or end with a stop word, a number or a single letter (left out by default).</param>
/// <param name="Language">Only this language's units (<c>en</c> or <c>zh</c>); null for both.</param>
/// <param name="Ranking">How collocations are ranked.</param>
public sealed record PhraseOptions(
    int MinSize = 2,
    int MaxSize = 3,
    int MinCount = 3,
    int Top = 50,
    PhraseUnit Unit = PhraseUnit.Words,
    bool KeepStopWords = false,
    string? Language = null,
    PhraseRanking Ranking = PhraseRanking.G2)
{
    /// <summary>The longest n-gram allowed.</summary>
    public const int LongestSize = 8;

    /// <summary>Checks the options.</summary>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public PhraseOptions Validate()
    {
        if (MinSize < 1 || MaxSize > LongestSize || MinSize > MaxSize)
        {
            throw new OptionsException($"the n-gram sizes {MinSize} to {MaxSize} are not a range within 1 to {LongestSize}.",
                $"Give sizes from 1 to {LongestSize} units, the smallest first (default 2 to 3).");
        }

        if (MinCount < 1)
        {
            throw new OptionsException($"{OptionName.MinCount} {MinCount} is below 1.", $"Use 1 or more occurrences (default 3).");
        }

        if (Top is < 1 or > 100_000)
        {
            throw new OptionsException($"{OptionName.Top} {Top} is out of range.", $"List from 1 to 100000 per group (default 50).");
        }

        if (Language is not (null or "en" or "zh"))
        {
            throw new OptionsException($"{OptionName.Language} '{Language}' is not one the phrase finder knows.", $"Use en or zh, or leave the language out for both.");
        }

        return this;
    }
}
