using System.Numerics;
using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Guesses a document's language from its script when the metadata does not say: <c>zh</c> when Han
/// characters make up at least a fifth of the letters, <c>en</c> when Latin letters dominate, else <c>und</c>.
/// </summary>
internal static class LanguageGuesser
{
    /// <summary>How many characters from the start of a text the guess reads.</summary>
    public const int SampleCharacters = 20_000;

    /// <summary>Guesses from the first <see cref="SampleCharacters"/> characters.</summary>
    public static string Guess(ReadOnlySpan<char> text)
    {
        int han = 0, latin = 0, other = 0;
        var sample = text[..Math.Min(text.Length, SampleCharacters)];
        for (var i = 0; i < sample.Length; i++)
        {
            var c = sample[i];
            if (c < 0x80)
            {
                // A run of ASCII: count its letters in one vectorised pass.
                var run = sample[i..];
                var end = run.IndexOfAnyExceptInRange('\0', '\u007F');
                run = end < 0 ? run : run[..end];
                latin += CountAsciiLetters(run);
                i += run.Length - 1;
            }
            else if (CharClass.IsHan(c))
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

    private static int CountAsciiLetters(ReadOnlySpan<char> ascii)
    {
        var chars = MemoryMarshal.Cast<char, ushort>(ascii);
        var count = 0;
        var i = 0;
        if (Vector.IsHardwareAccelerated && chars.Length >= Vector<ushort>.Count)
        {
            // (c | 0x20) - 'a' < 26 exactly for A-Z and a-z; a lane counts -1 (all ones) for each letter.
            var counts = Vector<ushort>.Zero;
            for (; i + Vector<ushort>.Count <= chars.Length; i += Vector<ushort>.Count)
            {
                var folded = (new Vector<ushort>(chars[i..]) | new Vector<ushort>(0x20)) - new Vector<ushort>('a');
                counts -= Vector.LessThan(folded, new Vector<ushort>(26));
            }

            count = Vector.Sum(counts); // at most 20,000 in all, so the sum fits too
        }

        for (; i < chars.Length; i++)
        {
            if (char.IsAsciiLetter((char)chars[i]))
            {
                count++;
            }
        }

        return count;
    }
}
