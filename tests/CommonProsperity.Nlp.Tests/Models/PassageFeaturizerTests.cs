using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Tests.Models;

public sealed class PassageFeaturizerTests
{
    private static readonly LexiconMatcher Small =
        new(LexiconLoader.FromCsvText("theme,term\ninequality,gap\ncontrol,regulat*\n", "small.csv"));

    private static readonly LexiconMatcher Large = new(LexiconLoader.FromCsvText(
        "theme,term,lang,note,exclude\n" +
        "inequality,income gap,en,,\n" +
        "inequality,gap,en,,\n" +
        "inequality,收入差距,zh,,\n" +
        "control,regulat*,en,,\n" +
        "control,antitrust,en,,\n" +
        "environment,生态,zh,,政治生态|产业生态\n" +
        "philanthropy,charit*,en,,\n" +
        "philanthropy,慈善,zh,,\n" +
        "social_welfare,social security,en,,\n", "large.csv"));

    // Texts that make the thread's scratch grow (more tokens and characters than it starts with), shrink back,
    // join words at line-end hyphens, veto a match with an exclusion, or hold nothing at all.
    private static readonly string[] Texts =
    [
        "The income gap grew; the gap widened after regulation.",
        string.Join(' ', Enumerable.Repeat("antitrust regulators and the income gap of charities", 400)),
        "收入差距扩大，政治生态与生态保护，慈善事业。",
        "Charit-\nable giving and anti-\ntrust regu-\nlation of the income\ngap.",
        "",
        "No term here.",
        string.Concat(Enumerable.Repeat("生态慈善收入差距", 2000)),
        "social security and the gap",
    ];

    [Fact]
    public void LexiconHits_TextsOneAfterAnotherOnOneThread_EqualsEachTextMatchedWithItsOwnScratch()
    {
        // Arrange: two featurizers with different theme counts share the thread's scratch, in turn.
        var small = new PassageFeaturizer(Small);
        var large = new PassageFeaturizer(Large);

        foreach (var text in Texts.Concat(Texts.Reverse()))
        {
            // Act
            var smallHits = small.LexiconHits(text);
            var largeHits = large.LexiconHits(text);

            // Assert
            Assert.Equal(Expected(Small, text), smallHits);
            Assert.Equal(Expected(Large, text), largeHits);
        }
    }

    [Fact]
    public void LexiconHits_TextsOnEveryCore_EqualsEachTextMatchedWithItsOwnScratch()
    {
        // Arrange
        var large = new PassageFeaturizer(Large);
        var texts = Enumerable.Range(0, 400).Select(i => Texts[i % Texts.Length]).ToArray();
        var hits = new int[texts.Length][];

        // Act
        Parallel.For(0, texts.Length, i => hits[i] = large.LexiconHits(texts[i]));

        // Assert
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(Expected(Large, texts[i]), hits[i]);
        }
    }

    [Fact]
    public void LexiconHits_TextWithMatches_CountsHitsPerTheme()
    {
        // Arrange
        var featurizer = new PassageFeaturizer(Large);

        // Act
        var hits = featurizer.LexiconHits("The income gap and the gap; 政治生态, 生态, 慈善.");

        // Assert: inequality (income gap, gap), environment (生态 outside 政治生态 only), philanthropy (慈善).
        var byTheme = Large.Themes.Select((theme, i) => (theme, hits[i])).ToDictionary(p => p.theme, p => p.Item2, StringComparer.Ordinal);
        Assert.Equal(new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["inequality"] = 2, ["control"] = 0, ["environment"] = 1, ["philanthropy"] = 1, ["social_welfare"] = 0,
        }, byTheme);
    }

    /// <summary>The hits per theme of <see cref="LexiconMatcher.Match(string, List{LexiconVeto}?)"/>, which matches with a scratch of its own.</summary>
    private static int[] Expected(LexiconMatcher matcher, string text)
    {
        var counts = new int[matcher.Themes.Count];
        foreach (var hit in matcher.Match(text))
        {
            counts[hit.Theme]++;
        }

        return counts;
    }
}
