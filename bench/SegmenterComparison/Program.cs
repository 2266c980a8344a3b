// Compares jieba.NET and Lucene SmartCn on the Chinese documents of a corpus: load time, speed, share of
// one-character words, and how often the built-in lexicon's Chinese terms come out as one word.
// Usage: dotnet run --project bench/SegmenterComparison -c Release -- [corpus folder, default ../shared/corpus]
using System.Diagnostics;
using System.Globalization;
using CommonProsperity.Nlp;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Text;
using JiebaNet.Segmenter;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;

var folder = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "corpus");
var texts = Directory.GetFiles(folder, "*_zh.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
var runs = texts.SelectMany(HanRuns).ToList();
var characters = runs.Sum(r => (long)r.Length);
var terms = DefaultLexicon.Instance.Terms.Select(t => t.Term).Where(t => t.Length >= 2 && t.All(c => CharClass.IsHan(c))).Distinct().ToList();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{texts.Count} Chinese documents in {folder}: {runs.Count:N0} runs of Chinese characters, {characters:N0} characters; {terms.Count} Chinese lexicon terms of 2+ characters."));
Console.WriteLine("segmenter              load ms  words   1-char words  lexicon terms as one word  M chars/s (2nd pass)");

// Plain jieba first: the library's segmenter adds the lexicon's terms to jieba's process-wide dictionary.
var clock = Stopwatch.StartNew();
JiebaNet.Segmenter.ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, ChineseWordSegmenter.ResourceFolder);
var jieba = new JiebaSegmenter();
jieba.Cut("预热");
Report("jieba.NET", clock.ElapsedMilliseconds, s => jieba.Cut(s, cutAll: false, hmm: true).ToList());

clock.Restart();
ChineseWordSegmenter.Instance.Segment("预热");
Report("jieba.NET + lexicon", clock.ElapsedMilliseconds, s => [.. ChineseWordSegmenter.Instance.Segment(s)]);

clock.Restart();
var smart = new HHMMSegmenter();
smart.Process("预热");
Report("Lucene SmartCn", clock.ElapsedMilliseconds, s => smart.Process(s).Select(t => new string(t.CharArray)).Where(w => w.Length > 0 && w != "始##始" && w != "末##末").ToList());

string[] samples = ["支持浙江高质量发展建设共同富裕示范区", "构建初次分配再分配第三次分配协调配套的制度体系", "慈善信托的受托人管理和处分信托财产", "违反本法第十四条规定造成慈善财产损失的"];
foreach (var sample in samples)
{
    Console.WriteLine();
    Console.WriteLine($"  jieba:   {string.Join(" / ", ChineseWordSegmenter.Instance.Segment(sample))}");
    Console.WriteLine($"  SmartCn: {string.Join(" / ", smart.Process(sample).Select(t => new string(t.CharArray)).Where(w => w != "始##始" && w != "末##末"))}");
}

void Report(string name, long loadMs, Func<string, List<string>> segment)
{
    long words = 0, single = 0;
    int occurrences = 0, whole = 0;
    foreach (var run in runs)
    {
        var pieces = segment(run);
        words += pieces.Count;
        single += pieces.Count(p => p.Length == 1);
        var starts = new Dictionary<int, int>();
        var at = 0;
        foreach (var piece in pieces)
        {
            starts[at] = at + piece.Length;
            at += piece.Length;
        }

        foreach (var term in terms)
        {
            for (var i = run.IndexOf(term, StringComparison.Ordinal); i >= 0; i = run.IndexOf(term, i + term.Length, StringComparison.Ordinal))
            {
                occurrences++;
                whole += starts.TryGetValue(i, out var end) && end == i + term.Length ? 1 : 0;
            }
        }
    }

    var timer = Stopwatch.StartNew();
    foreach (var run in runs)
    {
        segment(run);
    }

    var speed = characters / timer.Elapsed.TotalSeconds / 1e6;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-22} {loadMs,7}  {words,6:N0}  {100.0 * single / words,11:F1}%  {whole,6:N0}/{occurrences:N0} = {100.0 * whole / occurrences,5:F1}%       {speed,5:F2}"));
}

static IEnumerable<string> HanRuns(string text)
{
    var start = -1;
    for (var i = 0; i <= text.Length; i++)
    {
        var han = i < text.Length && CharClass.IsHan(text[i]);
        if (han && start < 0)
        {
            start = i;
        }
        else if (!han && start >= 0)
        {
            yield return text[start..i];
            start = -1;
        }
    }
}
