using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>The settings of a topic model; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Topics">How many topics to find.</param>
/// <param name="Seed">The random seed: the same seed, documents and settings give the same topics.</param>
/// <param name="TermsPerTopic">How many top words to keep per topic.</param>
/// <param name="PassageWords">Documents are cut at paragraph ends (a paragraph longer than <see cref="Text.SegmentedText.MaxPassageLength"/> characters also at sentence ends) into passages of at least this many content words, which the model treats as its documents (0: whole documents).</param>
/// <param name="MinWordCount">Words seen fewer times than this in the corpus are left out of the model.</param>
/// <param name="MaxPassageShare">Words in more than this share of passages are left out (they are everywhere, so they tell topics apart poorly).</param>
/// <param name="Iterations">Sampling iterations.</param>
/// <param name="AlphaSum">The Dirichlet prior of topics in a passage, summed over topics (lower: passages hold fewer topics).</param>
/// <param name="Beta">The Dirichlet prior of words in a topic.</param>
/// <param name="Language">Model only the words of this language (<c>en</c> or <c>zh</c>); null for all.</param>
public sealed record TopicOptions(
    int Topics = 8,
    int Seed = 42,
    int TermsPerTopic = 15,
    int PassageWords = 150,
    int MinWordCount = 3,
    double MaxPassageShare = 0.5,
    int Iterations = 300,
    double AlphaSum = 8,
    double Beta = 0.01,
    string? Language = null)
{
    /// <summary>Checks the options.</summary>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public TopicOptions Validate()
    {
        if (Topics is < 2 or > 200)
        {
            throw new OptionsException($"{OptionName.Topics} {Topics} is out of range.", $"Use from 2 to 200 topics (default 8).");
        }

        if (TermsPerTopic is < 1 or > 100)
        {
            throw new OptionsException($"{OptionName.TermsPerTopic} {TermsPerTopic} is out of range.", $"Use from 1 to 100 words per topic (default 15).");
        }

        if (PassageWords is < 0 or > 100_000)
        {
            throw new OptionsException($"{OptionName.PassageWords} {PassageWords} is out of range.", $"Use 0 (whole documents) or a number of words such as 150.");
        }

        if (MinWordCount < 1)
        {
            throw new OptionsException($"{OptionName.MinCount} {MinWordCount} is below 1.", $"Use 1 or more (default 3).");
        }

        if (MaxPassageShare is <= 0 or > 1)
        {
            throw new OptionsException($"the largest passage share {MaxPassageShare} is not in (0, 1].");
        }

        if (Iterations is < 10 or > 10_000)
        {
            throw new OptionsException($"{OptionName.Iterations} {Iterations} is out of range.", $"Use from 10 to 10000 (default 300).");
        }

        if (AlphaSum <= 0 || Beta <= 0)
        {
            throw new OptionsException($"the priors (alpha sum {AlphaSum}, beta {Beta}) must be positive.");
        }

        if (Language is not null and not ("en" or "zh"))
        {
            throw new OptionsException($"{OptionName.Language} '{Language}' is not supported.", $"Use en or zh, or leave the option out to model every word.");
        }

        return this;
    }
}
