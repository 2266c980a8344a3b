using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Reporting;

namespace CommonProsperity.Nlp.Pipeline;

/// <summary>
/// What one input file gave (a large file gives several of these, one per document, the last with
/// <see cref="Input"/>), handed back in input order by <see cref="OrderedFileAnalysis"/>.
/// </summary>
/// <param name="File">The file's index in the run's full list of files (the same in every shard).</param>
/// <param name="Skipped">The file, or its records, passed over and why.</param>
/// <param name="Reports">Its documents' reports, in order.</param>
/// <param name="Input">The file's manifest entry, once it has been read to the end.</param>
/// <param name="Warnings">Warnings that reading its metadata gave (a <c>sources.csv</c> loaded for it).</param>
/// <param name="Bytes">The input bytes this result stands for, for the bound on work in flight.</param>
internal sealed record FileResult(
    int File,
    IReadOnlyList<SkippedInput> Skipped,
    IReadOnlyList<DocumentReport> Reports,
    InputFileRecord? Input,
    IReadOnlyList<string> Warnings,
    long Bytes);
