using CommonProsperity.Nlp.Lexicons;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Lexicons;

/// <summary>
/// The optimised matcher against <see cref="ReferenceCounter"/>, the counting rules written as plainly
/// as possible: the same hits, in the same order, for the built-in lexicon, the mini lexicon and a lexicon full of
/// overlapping prefixes, on random stress texts and on the shared corpus.
/// </summary>
public class LexiconMatcherDifferentialTests
{
    private const string OverlappingLexicon = """
        theme,term
        alpha,a*
        alpha,ab*
        alpha,abc*
        alpha,abc
        alpha,party state
        alpha,party state*
        alpha,party*
        alpha,party
        alpha,the party
        beta,the party
        beta,the part*
        beta,the p*
        beta,x
        beta,i
        beta,中国
        beta,中
        alpha,party-state
        alpha,Party  State
        gamma,China's
        gamma,china
        gamma,s
        gamma,发展
        gamma,发展中国
        gamma,state party state
        gamma,e*
        gamma,ét*
        """;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var lexicon in new[] { "default", "mini", "overlapping" })
        {
            for (var seed = 1; seed <= 4; seed++)
            {
                data.Add(lexicon, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Match_RandomStressText_MatchesReference(string lexiconName, int seed)
    {
        var lexicon = Load(lexiconName);
        var text = RandomText.Make(new Random(seed), lexicon, 20_000);

        AssertSameHits(lexicon, text);
    }

    [Fact]
    public void Match_SharedCorpus_MatchesReference()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Shared, "corpus"), "*.txt"))
        {
            AssertSameHits(DefaultLexicon.Instance, File.ReadAllText(file));
        }
    }

    private static Lexicon Load(string name)
    {
        switch (name)
        {
            case "default":
                return DefaultLexicon.Instance;
            case "mini":
                return LexiconLoader.Load(TestPaths.MiniLexicon);
            default:
                using (var temp = new TempDirectory())
                {
                    return LexiconLoader.Load(temp.Write("overlapping.csv", OverlappingLexicon));
                }
        }
    }

    private static void AssertSameHits(Lexicon lexicon, string text)
    {
        var matcher = new LexiconMatcher(lexicon);
        var expected = ReferenceCounter.Match(text, lexicon.Terms.Select(t => (t.Theme, t.Term)).ToList(), matcher.Themes);
        var actual = matcher.Match(text).Select(h => new ReferenceCounter.Hit(h.Theme, h.Term, h.Start, h.End, h.FirstToken, h.TokenCount)).ToList();

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
    }
}
