using System.Globalization;
using System.Runtime.InteropServices;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Benchmarks;

/// <summary>
/// The CPU time of each stage of <c>analyze</c>'s per-document work, on one thread, pass after pass over the
/// same documents: tokenizing, word counts, matching, the whole analysis, and the report with its evidence rows. Times
/// are the thread's own CPU time (<c>CLOCK_THREAD_CPUTIME_ID</c>), not wall time, so that other work on a
/// shared machine changes them much less. The whole analysis (<c>DocumentAnalyzer.Analyze</c>: the three stages
/// again, sentences, fingerprint) and the report with its evidence rows (<c>DocumentReportBuilder.Build</c>) are
/// timed apart. Linux only.
/// <code>dotnet run -c Release --project bench/CommonProsperity.Nlp.Benchmarks -- stages DIR [FILES] [PASSES]</code>
/// reads the first FILES <c>.txt</c> files under DIR (ordinal order; default 300) and prints PASSES passes
/// (default 8); read the later passes, after tiered compilation has settled.
/// </summary>
internal static partial class StageCpu
{
    public static void Run(string folder, int maxFiles, int passes)
    {
        var files = Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(maxFiles).ToArray();
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        var analyzer = new DocumentAnalyzer(matcher, WordCounter.Jieba);
        var builder = new DocumentReportBuilder(matcher, 40);
        var documents = files
            .Select(path => new Document(path, File.ReadAllText(path), DocumentMetadata.Empty, new SourceFile(path, Path.GetFileName(path), folder), "txt", "utf-8"))
            .ToArray();
        var characters = documents.Sum(d => (long)d.Text.Length);
        var scratch = new MatchScratch();
        var hits = new List<LexiconHit>();
        var vetoes = new List<LexiconVeto>();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{documents.Length} documents, {characters / 1e6:F1} M characters; CPU ms per pass"));
        for (var pass = 0; pass < passes; pass++)
        {
            long tokenize = 0, words = 0, match = 0, analyze = 0, report = 0, wordCount = 0, hitCount = 0;
            foreach (var document in documents)
            {
                var text = document.Text.AsSpan();
                var t0 = ThreadCpuNanoseconds();
                matcher.Tokenizer.Tokenize(text, scratch.Tokens);
                var t1 = ThreadCpuNanoseconds();
                wordCount += WordCounter.Jieba.Count(text, scratch.Tokens);
                var t2 = ThreadCpuNanoseconds();
                hits.Clear();
                vetoes.Clear();
                matcher.Match(scratch, hits, matcher.HasExclusions ? vetoes : null);
                var t3 = ThreadCpuNanoseconds();
                var analysis = analyzer.Analyze(document);
                var t4 = ThreadCpuNanoseconds();
                var built = builder.Build(analysis);
                var t5 = ThreadCpuNanoseconds();
                hitCount += built.Summary.Themes.Sum(t => (long)t.Hits);
                built.DiscardEvidence();
                (tokenize, words, match, analyze, report) = (tokenize + t1 - t0, words + t2 - t1, match + t3 - t2, analyze + t4 - t3, report + t5 - t4);
            }

            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"pass {pass}: tokenize {tokenize / 1e6:F0}  words {words / 1e6:F0}  match {match / 1e6:F0}  whole analysis {analyze / 1e6:F0}  report and evidence rows {report / 1e6:F0}  (words {wordCount:N0}, hits {hitCount:N0})"));
        }
    }

    private static long ThreadCpuNanoseconds()
    {
        const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID
        _ = ClockGetTime(ThreadCpuClock, out var time);
        return (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
