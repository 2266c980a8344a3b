using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>lexicon check --validated</c>: a lexicon's precision measured on a concordance sample checked by
/// hand (<c>kwic --sample</c>), for users without labelled passages. Writes <c>validated_precision.csv</c>
/// through the all-or-nothing output folder.
/// </summary>
public static class LexiconValidation
{
    /// <summary>Reads the checked sheet <paramref name="sheet"/> and writes its precisions into <paramref name="outputDirectory"/>.</summary>
    /// <exception cref="Errors.InputException">The sheet cannot be read or is not marked; nothing is written.</exception>
    public static (ValidatedSample Sample, IReadOnlyList<string> Reports) Run(string sheet, string outputDirectory)
    {
        var sample = ValidatedSample.Read(sheet);
        using var output = OutputDirectory.Open(outputDirectory);
        ValidatedPrecisionReport.Write(output.Stage(ReportFiles.ValidatedPrecision), sample);
        return (sample, output.Commit());
    }
}
