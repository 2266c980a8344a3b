using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>The example of docs/library.md, word for word (a test checks that the page shows this file).</summary>
public static class LibraryExample
{
    /// <summary>Counts the built-in lexicon's themes in a folder and writes the reports of <c>cpnlp analyze</c>.</summary>
    public static AnalysisResult AnalyseFolder(string inputFolder, string outputFolder)
    {
        var pipeline = new AnalysisPipeline(DefaultLexicon.Instance);
        var result = pipeline.Run(new AnalysisOptions([inputFolder], outputFolder, new IngestionOptions()));
        foreach (var skipped in result.Problems.Skipped())
        {
            Console.Error.WriteLine($"skipped: {skipped.Text}");
        }

        return result;
    }

    /// <summary>Matches one text in memory: each hit's theme and the words it matched.</summary>
    public static IReadOnlyList<(string Theme, string Words)> Matches(string text)
    {
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        return [.. matcher.Match(text).Select(hit => (matcher.Themes[hit.Theme], text[hit.Start..hit.End]))];
    }
}
