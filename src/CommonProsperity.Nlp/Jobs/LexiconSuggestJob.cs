using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>lexicon suggest</c>: candidate terms per theme from labelled passages, with their precision and support, in <c>lexicon_suggestions.csv</c>.</summary>
/// <param name="lexicon">The lexicon the candidates would join.</param>
public sealed class LexiconSuggestJob(Lexicon lexicon)
{
    private readonly Lexicon _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    /// <summary>Suggests terms from <paramref name="labels"/> and writes them to <paramref name="outputDirectory"/>.</summary>
    public LabelledResult<IReadOnlyList<LexiconSuggestion>> Run(LabelSet labels, SuggestOptions options, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var suggestions = new LexiconSuggester(new LexiconMatcher(_lexicon), StopWords.Default).Suggest(labels.Passages, options, cancellationToken);
        using (var output = OutputDirectory.Open(outputDirectory))
        {
            DiscoveryReports.WriteSuggestions(output.Stage(ReportFiles.LexiconSuggestions), suggestions);
            output.Commit();
        }

        return new LabelledResult<IReadOnlyList<LexiconSuggestion>>(suggestions, labels.Passages.Count);
    }
}
