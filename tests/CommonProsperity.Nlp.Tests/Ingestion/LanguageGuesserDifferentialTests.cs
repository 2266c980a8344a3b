using System.Text;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>The vectorised language guess against the plain loop it replaced, on random mixed texts.</summary>
public class LanguageGuesserDifferentialTests
{
    private const string Alphabet = "aZz@[`{ 1\n共同富裕，。éÀɏΩж\u3000\uD840\uDC00—“";

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Guess_RandomMixedText_MatchesPlainLoop(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 300; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, 25_000);
            var bias = random.Next(Alphabet.Length);
            for (var c = 0; c < length; c++)
            {
                text.Append(random.Next(3) == 0 ? Alphabet[bias] : Alphabet[random.Next(Alphabet.Length)]);
            }

            var sample = text.ToString();
            Assert.Equal(PlainLoop(sample), LanguageGuesser.Guess(sample));
        }
    }

    private static string PlainLoop(string text)
    {
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
        return letters == 0 ? "und" : han * 5 >= letters ? "zh" : latin * 2 > letters ? "en" : "und";
    }
}
