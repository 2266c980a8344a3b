using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>The settings of an <c>analyze</c> run; <see cref="Validate"/> names any bad value.</summary>
/// <param name="Inputs">Files or folders to analyse.</param>
/// <param name="OutputDirectory">Where the reports go.</param>
/// <param name="Ingestion">How inputs are found and read.</param>
/// <param name="ContextCharacters">Characters of context each side of a match in <c>evidence.csv</c>.</param>
/// <param name="MaxParallelism">Documents analysed at once (defaults to the number of cores).</param>
/// <param name="Charts">Also draw the charts (PNG) next to the reports.</param>
/// <param name="Shard">With a shard, only its share of the files is analysed and partial results are written, for <c>cpnlp merge</c>.</param>
/// <param name="Html">Also write <c>report.html</c>, the page that shows the reports and their evidence in a browser (not for a shard: <c>merge</c> writes it).</param>
/// <param name="Workbook">Also write <c>reports.xlsx</c>, every CSV report as a sheet of one Excel workbook (not for a shard).</param>
/// <param name="Normalize">Fold characters before matching (counting rule 1: full-width forms, radicals, compatibility and traditional characters); false matches the characters as written.</param>
/// <param name="Dedupe">
/// Leave near-duplicate inputs out of the counts: a document whose normalised text equals an earlier
/// one's, and the repeated blocks of a document that repeats itself (<see cref="Text.TextFingerprint"/>).
/// Either way they are reported as warnings; without this option they are counted.
/// </param>
/// <param name="Chart">Which themes the charts draw and on which scale (as <c>trend</c>'s chart); null for every theme, in hits per 1,000 words.</param>
/// <param name="Evidence">What <c>evidence.csv</c> holds per match: everything (the default), the offsets only, or nothing but its header.</param>
public sealed record AnalysisOptions(
    IReadOnlyList<string> Inputs,
    string OutputDirectory,
    IngestionOptions Ingestion,
    int ContextCharacters = 40,
    int MaxParallelism = 0,
    bool Charts = true,
    ShardSpec? Shard = null,
    bool Html = true,
    bool Workbook = false,
    bool Normalize = true,
    bool Dedupe = false,
    Discovery.TrendChartOptions? Chart = null,
    Output.EvidenceMode Evidence = Output.EvidenceMode.Full)
{
    /// <summary>The most bytes of evidence rows one document may have (they are held in memory); tests lower it.</summary>
    internal int MaxEvidenceBytes { get; init; } = Output.CsvRowBuffer.MaxBytes;

    /// <summary>
    /// Plain-text files larger than this are analysed in windows as they stream in (<see cref="WindowedDocumentAnalysis"/>),
    /// and CSV files larger than this have their rows parsed as they stream in (<see cref="Ingestion.IngestionOptions.StreamedFileBytes"/>),
    /// never held whole; tests lower it to 0 to read every text and CSV file so.
    /// </summary>
    internal long StreamedFileBytes { get; init; } = OrderedFileAnalysis.WholeFileBytes;

    /// <summary>The characters of a window of a streamed file (tests use a few dozen).</summary>
    internal int WindowCharacters { get; init; } = WindowedDocumentAnalysis.DefaultWindowCharacters;

    /// <summary>The effective parallelism.</summary>
    public int Parallelism => MaxParallelism > 0 ? MaxParallelism : Environment.ProcessorCount;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentNullException">The inputs or the ingestion options are null.</exception>
    /// <exception cref="OptionsException">An option cannot work.</exception>
    public AnalysisOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Inputs);
        ArgumentNullException.ThrowIfNull(Ingestion);
        if (Inputs.Count == 0)
        {
            throw new OptionsException($"no input was given.", $"Name at least one file or folder to read.");
        }

        if (string.IsNullOrWhiteSpace(OutputDirectory))
        {
            throw new OptionsException($"{OptionName.OutputFolder} is empty.", $"Give a folder, for example reports.");
        }

        if (ContextCharacters is < 0 or > 1000)
        {
            throw new OptionsException($"{OptionName.Context} {ContextCharacters} is out of range.", $"Use a number of characters from 0 to 1000 (default 40).");
        }

        if (MaxParallelism < 0)
        {
            throw new OptionsException($"the parallelism {MaxParallelism} is negative.", $"Use 0 for one worker per core, or a positive number.");
        }

        DocumentSource.RefuseOutputInside(Inputs, OutputDirectory);
        Shard?.Validate();
        Ingestion.Validate();
        return this;
    }
}
