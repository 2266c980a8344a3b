using System.Globalization;
using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// Properties of whole <c>analyze</c> runs on random small corpora (few iterations: each one writes
/// files and runs the pipeline): every count can be checked against its evidence, and a corpus analysed
/// in two parts gives the same totals as in one.
/// </summary>
public class PipelinePropertyTests
{
    /// <summary>2 to 6 documents of random text (each starts with a word, so none is empty) and a random lexicon.</summary>
    private static Arbitrary<(string[] Documents, string Lexicon)> Corpora() =>
        Gen.Zip(
            Gen.Choose(2, 6).SelectMany(n => TextGenerators.Text().Select(t => "charity " + t).ArrayOf(n)),
            TextGenerators.Lexicon().Select(csv => csv + "alpha,charity\n"))
        .ToArbitrary();

    [Property(MaxTest = 20)]
    public Property Evidence_RowsPerDocumentAndTheme_EqualHitsAndQuoteTheText() =>
        Prop.ForAll(Corpora(), corpus =>
        {
            using var temp = new TempDirectory();
            var texts = WriteCorpus(temp.File("in"), corpus.Documents);
            Run(corpus.Lexicon, [temp.File("in")], temp.File("out"));

            var frequency = ReportReader.Read(temp.File("out/" + ReportFiles.ThemeFrequency));
            var evidence = ReportReader.Read(temp.File("out/" + ReportFiles.Evidence));
            foreach (var row in frequency)
            {
                var rows = evidence.Count(e => e["document"] == row["document"] && e["theme"] == row["theme"]);
                Assert.True(rows == Int(row["hits"]), $"{row["document"]} × {row["theme"]}: {rows} evidence rows, hits {row["hits"]}");
            }

            foreach (var e in evidence)
            {
                var text = texts[e["document"]];
                Assert.Equal(text[Int(e["start"])..Int(e["end"])], CsvReport.UnescapeFormula(e["match"]));
            }

            var summary = ReportReader.Read(temp.File("out/" + ReportFiles.CorpusSummary)).Where(r => r["group_by"] == "all");
            var terms = ReportReader.Read(temp.File("out/" + ReportFiles.TermFrequency));
            foreach (var theme in summary)
            {
                var hits = frequency.Where(r => r["theme"] == theme["theme"]).Sum(r => Int(r["hits"]));
                Assert.Equal(hits, Int(theme["hits"]));
                Assert.Equal(hits, terms.Where(t => t["theme"] == theme["theme"]).Sum(t => Int(t["hits"])));
            }
        });

    [Property(MaxTest = 20)]
    public Property Totals_CorpusAnalysedInTwoParts_EqualOneRunOverAll() =>
        Prop.ForAll(Gen.Zip(Corpora().Generator, Gen.Choose(1, 1000)).ToArbitrary(), input =>
        {
            var (corpus, seed) = input;
            using var temp = new TempDirectory();
            WriteCorpus(temp.File("in"), corpus.Documents);
            var files = Directory.GetFiles(temp.File("in")).Order(StringComparer.Ordinal).ToArray();
            var split = 1 + (seed % (files.Length - 1));

            var all = Run(corpus.Lexicon, [temp.File("in")], temp.File("all"));
            var first = Run(corpus.Lexicon, files[..split], temp.File("first"));
            var second = Run(corpus.Lexicon, files[split..], temp.File("second"));

            Assert.Equal(all.Documents, first.Documents + second.Documents);
            Assert.Equal(all.Tokens, first.Tokens + second.Tokens);
            Assert.Equal(Totals(temp.File("all")), Add(Totals(temp.File("first")), Totals(temp.File("second"))));
        });

    private static AnalysisResult Run(string lexicon, string[] inputs, string output) =>
        new AnalysisPipeline(LexiconLoader.FromCsvText(lexicon, "random.csv")).Run(new AnalysisOptions(inputs, output, new IngestionOptions()));

    /// <summary>Writes the documents as UTF-8 files and returns their texts as the tool reads them back.</summary>
    private static Dictionary<string, string> WriteCorpus(string folder, string[] documents)
    {
        Directory.CreateDirectory(folder);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Length; i++)
        {
            var name = $"doc{i}.txt";
            var bytes = Encoding.UTF8.GetBytes(documents[i]); // a lone surrogate becomes U+FFFD here, as in any UTF-8 file
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
            texts[name] = Encoding.UTF8.GetString(bytes);
        }

        return texts;
    }

    /// <summary>Per theme: hits, tokens and documents with a hit, summed over theme_frequency.csv.</summary>
    private static SortedDictionary<string, (long Hits, long Tokens, int WithTheme)> Totals(string output)
    {
        var totals = new SortedDictionary<string, (long, long, int)>(StringComparer.Ordinal);
        foreach (var row in ReportReader.Read(Path.Combine(output, ReportFiles.ThemeFrequency)))
        {
            var (hits, tokens, with) = totals.GetValueOrDefault(row["theme"]);
            totals[row["theme"]] = (hits + Int(row["hits"]), tokens + Int(row["tokens"]), with + (Int(row["hits"]) > 0 ? 1 : 0));
        }

        return totals;
    }

    private static SortedDictionary<string, (long Hits, long Tokens, int WithTheme)> Add(
        SortedDictionary<string, (long Hits, long Tokens, int WithTheme)> a, SortedDictionary<string, (long Hits, long Tokens, int WithTheme)> b)
    {
        var sum = new SortedDictionary<string, (long, long, int)>(a, StringComparer.Ordinal);
        foreach (var (theme, (hits, tokens, with)) in b)
        {
            var (h, t, w) = sum.GetValueOrDefault(theme);
            sum[theme] = (h + hits, t + tokens, w + with);
        }

        return sum;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
