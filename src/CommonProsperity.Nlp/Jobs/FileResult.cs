using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// What one input file gave (a large file gives several of these, one per document, the last with
/// <see cref="Input"/>), handed back in input order by <see cref="OrderedFileAnalysis"/>.
/// </summary>
/// <param name="File">The file's index in the run's full list of files (the same in every shard).</param>
/// <param name="Problems">What reading it met, in order: the file or its records passed over, and warnings (a <c>sources.csv</c> loaded for it).</param>
/// <param name="Reports">Its documents' reports, in order.</param>
/// <param name="Input">The file's manifest entry, once it has been read to the end.</param>
/// <param name="Bytes">The input bytes this result stands for, for the bound on work in flight.</param>
internal sealed record FileResult(
    int File,
    IReadOnlyList<Problem> Problems,
    IReadOnlyList<DocumentReport> Reports,
    InputFileRecord? Input,
    long Bytes);
