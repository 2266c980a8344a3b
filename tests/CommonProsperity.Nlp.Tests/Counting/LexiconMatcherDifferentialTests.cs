using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting;

/// <summary>
/// The optimised matcher against <see cref="ReferenceCounter"/>, the counting rules written as plainly
/// as possible: the same hits and vetoed matches, in the same order, for the built-in lexicon, the mini
/// lexicon, a lexicon full of overlapping prefixes and one full of overlapping exclusions, on random
/// stress texts and on the shared corpus.
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

    private const string ExcludingLexicon = """
        theme,term,exclude
        alpha,party,the party state|party state of|strict party*
        alpha,party state,party state control
        alpha,part*,the part*|party of
        alpha,state,state party state
        beta,生态,政治生态|生态文明建设|产业生态
        beta,生态文明,生态文明建设
        beta,中国,发展中国家
        beta,发展,发展中国
        gamma,asia*,asia society|the asia*
        gamma,asian,asian development
        gamma,development,asian development bank
        """;

    /// <summary>
    /// Prefixes of three to nine characters that share their first three or four (so that they share a bucket
    /// and a token must compare more than the head), beside exact terms with the same starts.
    /// </summary>
    private const string PrefixLexicon = """
        theme,term
        alpha,con*
        alpha,cons*
        alpha,consum*
        alpha,consumption tax*
        alpha,contra*
        alpha,contribut*
        beta,contribution
        beta,control*
        beta,contr*
        beta,dis*
        beta,disparit*
        gamma,dissent*
        gamma,dissid*
        gamma,consul
        gamma,é*
        gamma,éco*
        """;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var lexicon in new[] { "default", "mini", "overlapping", "excluding", "prefixes" })
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
    public void Match_WordsThatShareAPrefixHead_MatchesReference()
    {
        // Each word starts like some prefix and then agrees or parts from it at the 1st to 9th character, in
        // capitals too; and words shorter than four characters, which the lead of four characters pads.
        string[] words =
        [
            "c", "co", "con", "cons", "consu", "consum", "consume", "consumption", "consul", "consult", "contr", "contra",
            "contract", "contro", "control", "controls", "contribution", "contributions", "contribute", "conduct",
            "dis", "disp", "disparity", "disparities", "dissent", "dissenter", "dissident", "disk", "di", "CONSUMPTION",
            "Control", "é", "éco", "écoles", "eco", "tax", "taxes",
        ];
        var random = new Random(7);
        var text = string.Join(" ", Enumerable.Range(0, 3_000).Select(_ => words[random.Next(words.Length)]));

        AssertSameHits(Load("prefixes"), text);
        AssertSameHits(Load("overlapping"), text);
        AssertSameHits(DefaultLexicon.Instance, text);
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
                    return LexiconLoader.Load(temp.Write($"{name}.csv", name switch { "excluding" => ExcludingLexicon, "prefixes" => PrefixLexicon, _ => OverlappingLexicon }));
                }
        }
    }

    private static void AssertSameHits(Lexicon lexicon, string text)
    {
        var matcher = new LexiconMatcher(lexicon);
        var (expected, expectedVetoes) = ReferenceCounter.Match(text, lexicon.Terms.Select(t => (t.Theme, t.Term, t.Exclusions)).ToList(), matcher.Themes);
        var vetoes = new List<LexiconVeto>();
        var actual = matcher.Match(text, vetoes).Select(h => new ReferenceCounter.Hit(h.Theme, h.Term, h.Start, h.End, h.FirstToken, h.TokenCount)).ToList();

        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected, actual);
        Assert.Equal(expectedVetoes, vetoes.Select(v => new ReferenceCounter.Veto(v.Theme, v.Term, v.Exclusion, v.Start, v.End)).ToList());
    }
}
