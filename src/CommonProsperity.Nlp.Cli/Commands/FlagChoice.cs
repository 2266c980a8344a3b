using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>A flag whose value is one of a few words (<c>--rank g2|pmi</c>, <c>--by year|month</c>, ...).</summary>
internal static class FlagChoice
{
    /// <summary>What <paramref name="value"/> means, case and surrounding spaces aside.</summary>
    /// <param name="flag">The flag, for the message.</param>
    /// <param name="value">The value as given.</param>
    /// <param name="what">What a value is, with its article, for the message: <c>a measure</c>.</param>
    /// <param name="choices">Each choice's words, separated by <c>|</c> (the first one is offered in the message), and its meaning.</param>
    /// <exception cref="OptionsException">The value is none of the words; the message offers each choice's first word.</exception>
    public static T Parse<T>(string flag, string value, string what, params ReadOnlySpan<(string Words, T Meaning)> choices)
    {
        var word = value.Trim().ToLowerInvariant();
        var offered = new List<string>(choices.Length);
        foreach (var (words, meaning) in choices)
        {
            var names = words.Split('|');
            if (names.Contains(word, StringComparer.Ordinal))
            {
                return meaning;
            }

            offered.Add($"{flag} {names[0]}");
        }

        throw new OptionsException($"{flag} {value} is not {what}.", $"Use {string.Join(" or ", offered)}.");
    }
}
