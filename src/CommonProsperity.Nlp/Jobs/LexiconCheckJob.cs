using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>lexicon check</c>: how a lexicon agrees with labelled passages, per theme (scored by the evaluator
/// of <c>evaluate</c>), per term and per exclusion; writes <c>lexicon_check.csv</c>, <c>lexicon_terms.csv</c>
/// and <c>lexicon_exclusions.csv</c> atomically.
/// </summary>
/// <param name="lexicon">The lexicon to check.</param>
public sealed class LexiconCheckJob(Lexicon lexicon)
{
    private readonly Lexicon _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));

    /// <summary>Checks the lexicon against <paramref name="labels"/> and writes the reports to <paramref name="outputDirectory"/>.</summary>
    public LabelledResult<LexiconEvaluation> Run(LabelSet labels, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var evaluation = LexiconEvaluator.Evaluate(new LexiconMatcher(_lexicon), labels.Passages);
        using (var output = OutputDirectory.Open(outputDirectory))
        {
            LexiconCheckReports.Write(output, evaluation, _lexicon.Themes);
            output.Commit();
        }

        return new LabelledResult<LexiconEvaluation>(evaluation, labels.Passages.Count);
    }
}
