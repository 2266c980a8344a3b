using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Many analyses at once in one process, as the test runner runs the golden tests side by side: they share the
/// process's array pool (pooled texts, evidence rows), the Chinese word counter's remembered counts, the
/// tokenizer's per-thread buffers and the charts' and the page's statics, so a buffer handed back while still in
/// use, or shared state that is not thread-safe, shows as reports that differ from those of a run alone.
/// </summary>
public sealed class AnalysisPipelineConcurrencyTests
{
    private const int RunsAtOnce = 6;

    [Fact]
    public void Run_ManyAtOnceInOneProcess_WriteTheSameBytesAsARunAlone()
    {
        // Arrange: random texts over the built-in lexicon (English and Chinese, odd characters), the mini corpus's
        // formats (HTML, CSV rows, GBK), and three texts over the windowed threshold set below, analysed in windows
        // with their evidence written straight into the evidence file at their turn.
        using var corpus = new TempDirectory();
        var random = new Random(20261130);
        for (var d = 0; d < 20; d++)
        {
            corpus.Write($"doc{d:D2}.txt", Utf8(RandomText.Make(random, DefaultLexicon.Instance, 300 + random.Next(3000))));
        }

        for (var d = 0; d < 3; d++)
        {
            corpus.Write($"long{d}.txt", Utf8(RandomText.Make(random, DefaultLexicon.Instance, 12_000)));
        }

        foreach (var file in Directory.GetFiles(TestPaths.MiniCorpus))
        {
            File.Copy(file, corpus.File(Path.GetFileName(file)));
        }

        using var output = new TempDirectory();
        var alone = Run(corpus.Path, output.File("alone"), threads: 1);

        // Act: the runs, each on a thread of its own, start together (a barrier) and each analyses with three workers.
        using var start = new Barrier(RunsAtOnce);
        var reports = new Dictionary<string, byte[]>[RunsAtOnce];
        var failures = new Exception?[RunsAtOnce];
        var threads = Enumerable.Range(0, RunsAtOnce).Select(r => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                reports[r] = Run(corpus.Path, output.File($"run{r}"), threads: 3);
            }
            catch (Exception e)
            {
                failures[r] = e;
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        // Assert
        for (var r = 0; r < RunsAtOnce; r++)
        {
            Assert.Null(failures[r]);
            foreach (var (report, bytes) in alone)
            {
                Assert.True(bytes.AsSpan().SequenceEqual(reports[r][report]), $"run {r} of {RunsAtOnce} at once wrote another {report} than a run alone");
            }
        }
    }

    /// <summary>The text in UTF-8, its lone surrogates as U+FFFD.</summary>
    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// Analyses the corpus (plain texts over 16 KiB in windows of 4,096 characters, charts and page drawn) and returns the
    /// reports' bytes, having checked that the SHA-256 the manifest records of each report (evidence.csv's is hashed as its
    /// rows are written, from their pooled buffers) is that of the file.
    /// </summary>
    private static Dictionary<string, byte[]> Run(string corpus, string output, int threads)
    {
        var options = new AnalysisOptions([corpus], output, new IngestionOptions(), MaxParallelism: threads)
        {
            StreamedFileBytes = 16 << 10,
            WindowCharacters = 4096,
        };
        Assert.Equal(29, new AnalysisPipeline(DefaultLexicon.Instance).Run(options).Documents); // 23 texts and the mini corpus's 6
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(output, ReportFiles.Manifest)));
        foreach (var recorded in manifest.RootElement.GetProperty("report_sha256").EnumerateObject())
        {
            var actual = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(output, recorded.Name))));
            Assert.True(actual == recorded.Value.GetString(), $"{output}: manifest.json records another SHA-256 of {recorded.Name} than the file's");
        }

        return new[] { ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency }
            .ToDictionary(r => r, r => File.ReadAllBytes(Path.Combine(output, r)));
    }
}
