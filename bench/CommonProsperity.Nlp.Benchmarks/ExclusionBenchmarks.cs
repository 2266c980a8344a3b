using BenchmarkDotNet.Attributes;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Benchmarks;

/// <summary>
/// What exclusions (counting rule 7) cost the matcher: the built-in lexicon as shipped, and the same
/// terms with their exclusions removed, matched on the whole English or Chinese test text (tokens
/// given, as in <see cref="HotPathBenchmarks.Match"/>), with the vetoed matches collected as
/// <c>analyze</c> does.
/// </summary>
[MemoryDiagnoser]
public class ExclusionBenchmarks
{
    private readonly List<LexiconHit> _hits = [];
    private readonly List<LexiconVeto> _vetoes = [];
    private MatchScratch _scratch = new();
    private LexiconMatcher _matcher = null!;

    [Params("en", "zh")]
    public string Language { get; set; } = "en";

    [Params("with", "without")]
    public string Exclusions { get; set; } = "with";

    [GlobalSetup]
    public void Setup()
    {
        var lexicon = DefaultLexicon.Instance;
        if (Exclusions == "without")
        {
            lexicon = lexicon with { Terms = [.. lexicon.Terms.Select(t => t with { Exclude = null })] };
        }

        _matcher = new LexiconMatcher(lexicon);
        _scratch = new MatchScratch();
        CountingTokenizer.Instance.Tokenize(BenchmarkTexts.Load(Language), _scratch.Tokens);
    }

    [Benchmark]
    public int Match()
    {
        _hits.Clear();
        _vetoes.Clear();
        _matcher.Match(_scratch, _hits, _matcher.HasExclusions ? _vetoes : null);
        return _hits.Count + _vetoes.Count;
    }
}
