using BenchmarkDotNet.Attributes;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Benchmarks;

/// <summary>
/// The per-document hot paths of <c>analyze</c>, each on the whole English or Chinese test text
/// with the built-in lexicon. Divide the text's size (printed once at set-up) by the mean time for MB/s.
/// </summary>
[MemoryDiagnoser]
public class HotPathBenchmarks
{
    private string _text = "";
    private MatchScratch _scratch = new();
    private LexiconMatcher _matcher = null!;
    private List<LexiconHit> _hits = [];
    private DocumentAnalysis _analysis = null!;
    private DocumentReportBuilder _builder = null!;

    [Params("en", "zh")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchmarkTexts.Load(Language);
        Console.WriteLine($"// {Language} text: {System.Text.Encoding.UTF8.GetByteCount(_text):N0} bytes of UTF-8");
        _matcher = new LexiconMatcher(DefaultLexicon.Instance);
        _scratch = new MatchScratch();
        CountingTokenizer.Instance.Tokenize(_text, _scratch.Tokens);
        _hits = [];
        var file = new SourceFile("/bench/text.txt", "text.txt", "/bench");
        _analysis = new DocumentAnalyzer(_matcher, WordCounter.Jieba).Analyze(new Document("text.txt", _text, DocumentMetadata.Empty, file, "txt", "utf-8"));
        _builder = new DocumentReportBuilder(_matcher, 40);
    }

    [Benchmark]
    public int Tokenize()
    {
        CountingTokenizer.Instance.Tokenize(_text, _scratch.Tokens);
        return _scratch.Tokens.Count;
    }

    [Benchmark]
    public int Match()
    {
        _hits.Clear();
        _matcher.Match(_scratch, _hits);
        return _hits.Count;
    }

    [Benchmark]
    public int Segment() => TextSegmenter.Instance.Segment(_text).Sentences.Count;

    [Benchmark]
    public int Decode() => TextDecoder.Decode(System.Text.Encoding.UTF8.GetBytes(_text), "text.txt").Text.Length;

    [Benchmark]
    public long EvidenceRows()
    {
        var report = _builder.Build(_analysis);
        report.MoveEvidenceTo(Stream.Null); // gives the pooled buffer back, as the writer does
        return report.EvidenceBytes;
    }
}
