using System.Text;
using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// Seeded random texts that stress the counting rules: lexicon words in any case, cut or extended
/// (prefixes), Chinese terms, hyphens and line-end hyphenation, apostrophes, CRLF, marks, letters
/// outside the Basic Multilingual Plane, lone surrogates and punctuation; for terms with exclusions,
/// often one of the exclusions instead. For differential tests of
/// the optimised tokenizer and matcher against their reference versions.
/// </summary>
internal static class RandomText
{
    private static readonly string[] Fillers =
    [
        "the", "of", "and", "a", "in", "to", "state", "party", "policy", "China's", "China’s", "don't", "x", "I", "1", "2021", "ab",
        "É", "élan", "STRASSE", "straße", "İstanbul", "ǅemal", "naïve", "e\u0301t\u0301e", "\U0001D400bc", "\U0001F600", "\U00020000", "\uD800", "\uDC00x",
        "中国", "的", "发展", "。", "，", "“", "”", "（", "）", "—", "…", "$", "%", "#", "=", "+", "@",
    ];

    private static readonly string[] Gaps =
    [
        " ", " ", " ", " ", "  ", "\n", "\r\n", "\n\n", "-", "‐", "‑", "\u00AD", " - ", "-\n", "-\n  ", "-\r\n\t", "'", "’", ", ", ". ", "; ",
        "/", "\t", "\u3000", "", "", "_", "’s ", "'s ", "\u200B", "\u200C\u200D", "\uFEFF",
    ];

    /// <summary>A text of about <paramref name="words"/> words drawn from <paramref name="lexicon"/> and the fillers.</summary>
    public static string Make(Random random, Lexicon lexicon, int words)
    {
        var terms = lexicon.Terms;
        var text = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var pick = random.Next(10);
            string word;
            if (pick < 5 && terms.Count > 0)
            {
                var term = terms[random.Next(terms.Count)];
                word = term.Exclusions.Count > 0 && random.Next(3) == 0
                    ? term.Exclusions[random.Next(term.Exclusions.Count)].TrimEnd('*')
                    : term.Term.TrimEnd('*');
                var variant = random.Next(8);
                word = variant switch
                {
                    0 => word.ToUpperInvariant(),
                    1 when word.Length > 1 => char.ToUpperInvariant(word[0]) + word[1..],
                    2 => word + "ies",
                    3 => word + "ation",
                    4 when word.Length > 3 => word[..^1],
                    5 => word.Replace(' ', '\n'),
                    6 => word.Replace(' ', '-'),
                    _ => word,
                };
            }
            else
            {
                word = Fillers[random.Next(Fillers.Length)];
            }

            text.Append(word);
            text.Append(Gaps[random.Next(Gaps.Length)]);
        }

        return text.ToString();
    }
}
