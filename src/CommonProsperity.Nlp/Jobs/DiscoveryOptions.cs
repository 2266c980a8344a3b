using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What every discovery run (<c>topics</c>, <c>compare</c>, <c>trend</c>) needs: inputs, output folder, ingestion, charts, page.</summary>
/// <param name="Inputs">Files or folders to read.</param>
/// <param name="OutputDirectory">Where the reports go.</param>
/// <param name="Ingestion">How inputs are found and read.</param>
/// <param name="Charts">Also draw the charts (PNG) next to the reports.</param>
/// <param name="Workbook">Also write <c>reports.xlsx</c>, every CSV report as a sheet of one Excel workbook.</param>
/// <param name="Normalize">Fold characters before counting themes and tokens (counting rule 1); false counts the characters as written.</param>
/// <param name="Html">Also write <c>report.html</c>, the reports as one page to open in a browser (<c>topics</c>, <c>compare</c>, <c>trend</c>).</param>
public sealed record DiscoveryOptions(IReadOnlyList<string> Inputs, string OutputDirectory, IngestionOptions Ingestion, bool Charts = true, bool Workbook = false, bool Normalize = true, bool Html = true)
{
    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentNullException">The inputs or the ingestion options are null.</exception>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public DiscoveryOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Inputs);
        ArgumentNullException.ThrowIfNull(Ingestion);
        if (Inputs.Count == 0)
        {
            throw new OptionsException($"no input was given.", $"Name at least one file or folder to read.");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new OptionsException($"{OptionName.OutputFolder} is empty.", $"Give a folder (it is created if missing).");
        }

        DocumentSource.RefuseOutputInside(Inputs, OutputDirectory);
        Ingestion.Validate();
        return this;
    }
}
