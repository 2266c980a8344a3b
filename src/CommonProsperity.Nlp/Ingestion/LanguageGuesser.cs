using CommonProsperity.Nlp.Tokenization;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Guesses a document's language from its script when the metadata does not say: <c>zh</c> when Han
/// characters make up at least a fifth of the letters, <c>en</c> when Latin letters dominate, else <c>und</c>.
/// </summary>
public static class LanguageGuesser
{
    /// <summary>Guesses from the first 20,000 characters.</summary>
    public static string Guess(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int han = 0, latin = 0, other = 0;
        var length = Math.Min(text.Length, 20_000);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (CharClass.IsHan(c))
            {
                han++;
            }
            else if (char.IsAsciiLetter(c) || (c >= '\u00C0' && c <= '\u024F'))
            {
                latin++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        var letters = han + latin + other;
        if (letters == 0)
        {
            return "und";
        }

        if (han * 5 >= letters)
        {
            return "zh";
        }

        return latin * 2 > letters ? "en" : "und";
    }
}
