using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>
/// A document report's hits and vetoed matches per term (<see cref="DocumentReport.Terms"/>) equal a plain count
/// of the analysis's hits and vetoes, whether the builder counts them in its table of every term (many matches)
/// or sorts them (a few), and stay right from document to document on the same thread (the table is reused).
/// </summary>
public class DocumentReportBuilderTests
{
    private const string ExcludingLexicon = """
        theme,term,exclude
        alpha,party,the party state
        alpha,state,
        beta,reform*,reform school
        beta,party state,
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(40)]
    [InlineData(400)]
    public void Build_ManyOrFewMatches_CountsEachTermsHitsAndVetoes(int repeats)
    {
        using var temp = new TempDirectory();
        var small = LexiconLoader.Load(temp.Write("lexicon.csv", ExcludingLexicon)); // four terms: the table always
        foreach (var lexicon in new[] { small, DefaultLexicon.Instance }) // 900+ terms: sorted below 100-odd matches
        {
            var matcher = new LexiconMatcher(lexicon);
            var analyzer = new DocumentAnalyzer(matcher, WordCounter.Jieba);
            var builder = new DocumentReportBuilder(matcher, 40);
            foreach (var text in new[]
            {
                string.Concat(Enumerable.Repeat("The party state reforms. A reform school and a party. State reform of common prosperity. ", repeats)),
                string.Concat(Enumerable.Repeat("Reforming the state. ", repeats)), // other terms than the document before
                "No term here.",
            })
            {
                var analysis = analyzer.Analyze(Document(text));
                var report = builder.Build(analysis);
                report.DiscardEvidence();

                Assert.Equal(PlainCount(analysis), report.Terms);
            }
        }
    }

    private static Document Document(string text)
    {
        var file = new SourceFile("/in/doc.txt", "doc.txt", "/in");
        return new Document("doc.txt", text, DocumentMetadata.Empty, file, "txt", "utf-8");
    }

    private static List<TermHits> PlainCount(DocumentAnalysis analysis)
    {
        var hits = analysis.Hits.GroupBy(h => h.Term).ToDictionary(g => g.Key, g => g.Count());
        var vetoes = analysis.Vetoes.GroupBy(v => v.Term).ToDictionary(g => g.Key, g => g.Count());
        return [.. hits.Keys.Union(vetoes.Keys).Order().Select(t => new TermHits(t, hits.GetValueOrDefault(t), vetoes.GetValueOrDefault(t)))];
    }
}
