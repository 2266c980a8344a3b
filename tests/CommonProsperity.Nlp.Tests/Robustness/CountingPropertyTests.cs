using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// Properties of the counting rules over random Unicode text: the matcher agrees with a plain reference
/// implementation of the rules in docs/counting-rules.md, and counts do not change when only line wrapping or whitespace does.
/// </summary>
public class CountingPropertyTests
{
    private static readonly LexiconMatcher MiniMatcher = new(LexiconLoader.Load(TestPaths.MiniLexicon));

    [Property(MaxTest = 400)]
    public Property Match_RandomTextAndLexicon_AgreesWithTheReferenceImplementation() =>
        Prop.ForAll(Gen.Zip(TextGenerators.Text(), TextGenerators.Lexicon()).ToArbitrary(), pair =>
        {
            var (text, csv) = pair;
            var lexicon = LexiconLoader.FromCsvText(csv, "random.csv");
            var matcher = new LexiconMatcher(lexicon);
            var expected = ReferenceCounter.Match(text, lexicon.Terms.Select(t => (t.Theme, t.Term)).ToList(), matcher.Themes);

            var actual = matcher.Match(text).Select(h => new ReferenceCounter.Hit(h.Theme, h.Term, h.Start, h.End, h.FirstToken, h.TokenCount)).ToList();

            return expected.SequenceEqual(actual)
                .Label($"text: {Escape(text)}\nlexicon: {Escape(csv)}\nexpected: {string.Join(", ", expected)}\nactual:   {string.Join(", ", actual)}");
        });

    [Property(MaxTest = 400)]
    public Property Match_RandomLexiconWithExclusions_AgreesWithTheReferenceImplementationOnHitsAndVetoes() =>
        Prop.ForAll(TextGenerators.LexiconWithExclusions().SelectMany(l => TextGenerators.TextWith(l.Phrases).Select(text => (text, l.Csv))).ToArbitrary(), pair =>
        {
            var (text, csv) = pair;
            var lexicon = LexiconLoader.FromCsvText(csv, "random.csv");
            var matcher = new LexiconMatcher(lexicon);
            var (expectedHits, expectedVetoes) = ReferenceCounter.Match(text, lexicon.Terms.Select(t => (t.Theme, t.Term, t.Exclusions)).ToList(), matcher.Themes);

            var vetoes = new List<LexiconVeto>();
            var hits = matcher.Match(text, vetoes).Select(h => new ReferenceCounter.Hit(h.Theme, h.Term, h.Start, h.End, h.FirstToken, h.TokenCount)).ToList();
            var actualVetoes = vetoes.Select(v => new ReferenceCounter.Veto(v.Theme, v.Term, v.Exclusion, v.Start, v.End)).ToList();

            return (expectedHits.SequenceEqual(hits) && expectedVetoes.SequenceEqual(actualVetoes))
                .Label($"text: {Escape(text)}\nlexicon: {Escape(csv)}\nexpected: {string.Join(", ", expectedHits)} | {string.Join(", ", expectedVetoes)}\nactual:   {string.Join(", ", hits)} | {string.Join(", ", actualVetoes)}");
        });

    [Property(MaxTest = 200)]
    public Property Match_ExclusionsOfOneTheme_LeaveTheOtherThemesHitsUnchanged() =>
        Prop.ForAll(TextGenerators.LexiconWithExclusions().SelectMany(l => TextGenerators.TextWith(l.Phrases).Select(text => (text, l.Csv))).ToArbitrary(), pair =>
        {
            var (text, csv) = pair;
            var lexicon = LexiconLoader.FromCsvText(csv, "random.csv");
            var alpha = lexicon.Themes.ToList().IndexOf("alpha");
            var alphaOnlyExclusions = lexicon with { Terms = [.. lexicon.Terms.Select(t => t.Theme == "alpha" ? t : t with { Exclude = null })] };
            var none = lexicon with { Terms = [.. lexicon.Terms.Select(t => t with { Exclude = null })] };

            var withExclusions = new LexiconMatcher(alphaOnlyExclusions).Match(text).Where(h => h.Theme != alpha);
            var without = new LexiconMatcher(none).Match(text).Where(h => h.Theme != alpha);

            return withExclusions.SequenceEqual(without).Label($"text: {Escape(text)}\nlexicon: {Escape(csv)}");
        });

    [Property(MaxTest = 400)]
    public Property Tokenize_RandomText_AgreesWithTheReferenceImplementation() =>
        Prop.ForAll(TextGenerators.Text().ToArbitrary(), text =>
        {
            var expected = ReferenceCounter.Tokenize(text).Select(t => (t.Key, t.Start, t.End, t.JoinsPrevious));
            var actual = CommonProsperity.Nlp.Text.CountingTokenizer.Instance.Tokenize(text).Select(t => (t.Text, t.Start, t.End, t.JoinsPrevious));

            return expected.SequenceEqual(actual).Label($"text: {Escape(text)}");
        });

    [Property(MaxTest = 300)]
    public Property Hits_TextRewrappedOrRespaced_StayTheSame() =>
        Prop.ForAll(Gen.Zip(TextGenerators.Sentence(), Gen.Elements(" ", "\n", "\r\n", "  ", "\t", " \n  ", "\n\n", "\u3000", "\u00A0").ArrayOf()).ToArbitrary(), pair =>
        {
            var (words, gaps) = pair;
            var original = string.Join(' ', words);
            var rewrapped = new StringBuilder();
            for (var i = 0; i < words.Length; i++)
            {
                if (i > 0)
                {
                    // A space after a hyphen must not become a line break: "-\n" joins words (rule 2), the one change that may alter counts.
                    var gap = gaps.Length == 0 ? " " : gaps[i % gaps.Length];
                    rewrapped.Append(words[i - 1].EndsWith('-') && gap.StartsWith('\n') || gap.StartsWith('\r') && words[i - 1].EndsWith('-') ? " " : gap);
                }

                rewrapped.Append(words[i]);
            }

            return (Counts(original) == Counts(rewrapped.ToString())).Label($"original: {Escape(original)}\nrewrapped: {Escape(rewrapped.ToString())}");
        });

    [Property(MaxTest = 300)]
    public Property Hits_LowerCaseWordsBrokenWithAHyphenAtALineEnd_StayTheSame() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(TextGenerators.Sentence(), Gen.Choose(1, 1000)), Gen.Elements("-\n", "-\r\n", "-\n   ", "\u2010\n\t", "\u00AD\n")).ToArbitrary(), input =>
        {
            var ((words, seed), hyphen) = input;
            var broken = words.Select((w, i) => Break(w, (seed + i) % 7, hyphen)).ToArray();

            return (Counts(string.Join(' ', words)) == Counts(string.Join(' ', broken))).Label($"broken: {Escape(string.Join(' ', broken))}");
        });

    [Property(MaxTest = 300)]
    public Property Hits_CompoundBrokenAtALineEndHyphen_MatchTheHyphenatedAndTheJoinedSpelling() =>
        Prop.ForAll(Gen.Zip(Gen.Zip(Gen.Elements(CompoundParts), Gen.Elements(CompoundParts)), Gen.Elements("-\n", "-\r\n", "-\r", "-\n                ", "\u2010\n\t", "\u2011\n ", "\u00AD\n")).ToArbitrary(), input =>
        {
            var ((first, second), hyphen) = input;
            var matcher = new LexiconMatcher(LexiconLoader.FromCsvText(
                $"theme,term\ncompound,{first.ToLowerInvariant()}-{second.ToLowerInvariant()}\njoined,{first.ToLowerInvariant()}{second.ToLowerInvariant()}\n", "compound.csv"));
            var text = $"the {first}{hyphen}{second} plan";

            var hits = matcher.Match(text);

            var start = text.IndexOf(first, StringComparison.Ordinal);
            var end = text.LastIndexOf(second, StringComparison.Ordinal) + second.Length;
            return (hits.Count == 2 && hits.All(h => h.Start == start && h.End == end)).Label($"text: {Escape(text)}; hits: {string.Join(", ", hits)}");
        });

    /// <summary>Parts of compounds, in the cases PDF text gives them.</summary>
    private static readonly string[] CompoundParts = ["military", "Military", "civil", "Civil", "CROSS", "regional", "en", "joyed", "naïve", "straße", "𝐚𝐛"];

    /// <summary>
    /// Breaks an all-lower-case Latin word after its <paramref name="at"/>-th letter, as PDF line wraps do,
    /// unless a part could match a term word of the mini lexicon on its own: rule 4 reads the break both
    /// ways, and the parts read apart may match (<c>gap-⏎s</c> holds <c>gap</c>); read joined, the word counts as before.
    /// </summary>
    private static string Break(string word, int at, string hyphen) =>
        at > 0 && at < word.Length && word.All(char.IsAsciiLetterLower) && IsInert(word[..at]) && IsInert(word[at..]) ? word[..at] + hyphen + word[at..] : word;

    private static readonly string[] MiniTermWords = [.. MiniMatcher.Lexicon.Terms.SelectMany(t => t.Term.TrimEnd('*').Split(' ', '-'))];

    private static bool IsInert(string part) => !MiniTermWords.Any(w => part == w || part.StartsWith(w, StringComparison.Ordinal));

    private static string Counts(string text) =>
        string.Join(",", MiniMatcher.Match(text).GroupBy(h => h.Theme).OrderBy(g => g.Key).Select(g => $"{g.Key}:{g.Count()}:{string.Join("/", g.Select(h => h.Term))}"));

    private static string Escape(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
