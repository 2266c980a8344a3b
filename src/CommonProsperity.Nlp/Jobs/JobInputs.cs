using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// A job's inputs: the files under the input paths (never inside the job's output), read through one
/// <see cref="DocumentSource"/> that reports every problem to one <see cref="ProblemLog"/>. Says "no
/// readable documents" and "none could be read" the one way (<see cref="DocumentSource.NothingFound"/>,
/// <see cref="DocumentSource.NoneRead"/>).
/// </summary>
internal sealed class JobInputs
{
    private readonly DocumentSource _source;

    /// <summary>Inputs of a job that writes to <paramref name="output"/> (refused when it lies inside one of <paramref name="inputs"/>).</summary>
    public JobInputs(IReadOnlyList<string> inputs, string output, IngestionOptions ingestion)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(ingestion);
        DocumentSource.RefuseOutputInside(inputs, output);
        Paths = inputs;
        _source = new DocumentSource(ingestion.Excluding(output));
    }

    /// <summary>The input paths.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Every input skipped or warned about, in order.</summary>
    public ProblemLog Problems { get; } = new();

    /// <summary>The input files found by the last <see cref="Read"/> (read or skipped).</summary>
    public int FilesFound { get; private set; }

    /// <summary>The files read, for the manifest.</summary>
    public IReadOnlyList<InputFileRecord> Files => _source.Inputs;

    /// <summary>
    /// The documents under <paramref name="inputs"/> (default: <see cref="Paths"/>), streamed in input order. A
    /// large PDF's text stays in a temporary file: release each document with <see cref="Document.ReturnText"/> once done with it.
    /// </summary>
    /// <exception cref="Errors.CommonProsperityException">No file was found, or (once enumerated) none could be read.</exception>
    public IEnumerable<Document> Read(CancellationToken cancellationToken, IReadOnlyList<string>? inputs = null)
    {
        inputs ??= Paths;
        var files = _source.Discover(inputs, Problems);
        FilesFound = files.Count;
        if (files.Count == 0)
        {
            throw _source.NothingFound(inputs, Problems.Skipped);
        }

        return ReadFiles(files, cancellationToken);
    }

    private IEnumerable<Document> ReadFiles(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken)
    {
        var read = 0;
        foreach (var document in _source.ReadSpooled(files, Problems, cancellationToken))
        {
            read++;
            yield return document;
        }

        if (read == 0)
        {
            throw DocumentSource.NoneRead(files.Count, Problems.Skipped);
        }
    }
}
