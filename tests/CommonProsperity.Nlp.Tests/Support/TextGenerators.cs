using FsCheck;
using FsCheck.Fluent;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// FsCheck generators of random Unicode text and small lexicons for the property tests: lexicon words
/// in any case, Chinese (also outside the Basic Multilingual Plane), accents precomposed and combining,
/// other scripts, digits, emoji, a lone surrogate, every kind of space, line break, hyphen and apostrophe.
/// </summary>
internal static class TextGenerators
{
    public static readonly string[] Themes = ["alpha", "beta", "gamma"];

    /// <summary>Words, some of them (or parts of them) lexicon terms.</summary>
    public static readonly string[] Words =
    [
        "charity", "Charity", "CHARITIES", "charitable", "philanthropy", "Philanthropic", "inequality", "inequalities", "income", "gap", "gaps",
        "party", "State", "state", "control", "strict", "china's", "China’s", "the", "of", "enjoyed", "joy", "naïve", "café", "cafe\u0301",
        "İstanbul", "ǅemal", "straße", "ΣΟΦΙΑ", "москва", "١٢٣", "2024", "x²", "ﬁne", "Ⅻ", "𝐀𝐁𝐂", "𝐚𝐛",
        "共同", "富裕", "共同富裕", "慈善", "基金会", "收入差距", "𠀀𠀁", "😀", "\uD800", "ab\u0301c",
        "基金會", "發展", "发展", "ＣＨＡＲＩＴＹ", "ｃｈａｒｉｔｙ", "２０２４", "⼈⺠", "人民", "金", "金", "\U0002F80B", "\U0001079C", "\U00020000",
    ];

    /// <summary>What stands between words, line breaks and hyphens included.</summary>
    public static readonly string[] Separators =
    [
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\r", "\u00A0", "\u3000", "\u2028", "-", "—", "–", ",", "，", "。", ".", "'", "’",
        "\u00AD", "\u2010", "\u2011", "-\n", "-\r\n  ", "-\n\t", " - ", "", "\u200B", "\u2060\u00AD", "\uFEFF",
    ];

    /// <summary>Terms of the random lexicons: words, phrases, prefixes and Chinese, all valid lexicon terms.</summary>
    public static readonly string[] Terms =
    [
        "charity", "charit*", "char*", "c*", "philanthrop*", "income gap", "inequalit*", "inequality", "party-state", "party state", "strict control",
        "state control", "共同富裕", "共同", "慈善", "富裕", "china's", "enjoyed", "the", "gap", "gap*", "naïve", "café", "𝐀𝐁𝐂", "москва",
        "ǅemal", "straße", "the gap", "𠀀𠀁", "ﬁne", "istanbul", "i̇stanbul", "σοφια", "ab\u0301c",
        "發展", "发展", "基金会", "ｃｈａｒｉｔ*", "人民", "2024", "金",
        "partystate", "statecontrol*", "gapgap", // joined readings of line-end hyphens (rule 4)
    ];

    /// <summary>Random text: up to 80 words joined by random separators.</summary>
    public static Gen<string> Text() =>
        from words in Gen.Elements(Words).ListOf()
        from separators in Gen.Elements(Separators).ArrayOf(words.Count + 1)
        select string.Concat(words.Select((w, i) => separators[i] + w)) + separators[^1];

    /// <summary>Random text whose words are separated by single spaces only (the starting point of re-wrapping).</summary>
    public static Gen<string[]> Sentence() => Gen.Elements(Words.Concat(["-", "，", "。", "."]).ToArray()).ArrayOf();

    /// <summary>A lexicon of 1 to 8 random terms in the three themes, as CSV.</summary>
    public static Gen<string> Lexicon() =>
        from count in Gen.Choose(1, 8)
        from rows in Gen.Zip(Gen.Elements(Themes), Gen.Elements(Terms)).ArrayOf(count)
        select "theme,term\n" + string.Concat(rows.Select(r => $"{r.Item1},{r.Item2}\n"));

    /// <summary>Words put around a term to make an exclusion phrase that contains it.</summary>
    public static readonly string[] Surroundings = ["the", "of", "party", "state", "strict", "gap", "income", "china's", "共同", "富裕", "慈善", "x²"];

    /// <summary>
    /// A lexicon of 1 to 8 random terms in the three themes with an <c>exclude</c> column: each term has
    /// up to three exclusions, each the term with words before or after it (a starred term followed by
    /// words is first completed to a word it starts), so that every exclusion contains its term.
    /// </summary>
    public static Gen<(string Csv, string[] Phrases)> LexiconWithExclusions() =>
        from count in Gen.Choose(1, 8)
        from rows in Gen.Zip(Gen.Zip(Gen.Elements(Themes), Gen.Elements(Terms)), Exclusion().ArrayOf().Select(a => a.Take(3).ToArray())).ArrayOf(count)
        let phrases = rows.Select(r => r.Item2.Select(make => make(r.Item1.Item2)).Distinct().ToArray()).ToArray()
        select (
            "theme,term,exclude\n" + string.Concat(rows.Select((r, i) => $"{r.Item1.Item1},{r.Item1.Item2},\"{string.Join('|', phrases[i])}\"\n")),
            phrases.SelectMany(p => p).ToArray());

    /// <summary>Random text from the usual words and the words of <paramref name="phrases"/>, so that exclusions occur.</summary>
    public static Gen<string> TextWith(string[] phrases) =>
        from words in Gen.Elements(Words.Concat(phrases.Select(p => p.TrimEnd('*'))).Concat(phrases.Select(p => p.TrimEnd('*') + "s")).ToArray()).ListOf()
        from separators in Gen.Elements(Separators).ArrayOf(words.Count + 1)
        select string.Concat(words.Select((w, i) => separators[i] + w)) + separators[^1];

    private static Gen<Func<string, string>> Exclusion() =>
        from before in Gen.Elements(Surroundings).ArrayOf().Select(a => a.Take(2).ToArray())
        from after in Gen.Elements(Surroundings).ArrayOf().Select(a => a.Take(2).ToArray())
        from completion in Gen.Elements("", "y", "ies", "s")
        select (Func<string, string>)(term =>
        {
            var words = before.Length == 0 && after.Length == 0 ? ["the"] : before;
            var core = term.EndsWith('*') && after.Length > 0 ? term[..^1] + completion : term;
            return string.Join(' ', words.Append(core).Concat(after));
        });
}
