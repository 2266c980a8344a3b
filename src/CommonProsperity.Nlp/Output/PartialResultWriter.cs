using System.Text.Json;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Writes a shard's partial results (<c>analyze --shard I/N</c>) for <c>cpnlp merge</c>:
/// <c>partial_documents.jsonl</c> (one line per document: file index, id, metadata, counts per theme and
/// term, and the size of its evidence), <c>partial_evidence.csv</c> (the documents' evidence rows in the
/// same order, a valid <c>evidence.csv</c> of its own), <c>partial.json</c> (<see cref="ShardHeader"/>) and
/// <c>partial.sha256</c> (<see cref="PartialChecksums"/>, the hashes of the other three).
/// Like the reports, they are staged and only moved into place, together, by <see cref="Complete"/>.
/// </summary>
internal sealed class PartialResultWriter : IDocumentReportSink
{
    private static readonly JsonWriterOptions LineOptions = ManifestWriter.JsonOptions with { Indented = false };

    private readonly OutputDirectory _output;
    private readonly ShardSpec _shard;
    private readonly IReadOnlyList<SourceFile> _files;
    private readonly CancellationToken _cancellationToken;
    private readonly FileStream _documents;
    private readonly FileStream _evidence;
    private readonly Utf8JsonWriter _line;

    /// <summary>Starts the partial results of <paramref name="shard"/> in <paramref name="output"/>; <paramref name="files"/> is the run's whole list of files (fingerprinted at the end); <paramref name="lexicon"/> the lexicon counted and <paramref name="evidence"/> the evidence kept (its evidence columns).</summary>
    public PartialResultWriter(OutputDirectory output, ShardSpec shard, IReadOnlyList<SourceFile> files, Counting.Lexicon lexicon, EvidenceMode evidence = EvidenceMode.Full, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _shard = shard ?? throw new ArgumentNullException(nameof(shard));
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _cancellationToken = cancellationToken;
        var documents = output.Stage(ReportFiles.PartialDocuments);
        try
        {
            _documents = new FileStream(documents, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvidenceFile.Unwritable(documents, e);
        }

        _evidence = EvidenceFile.Create(output.Stage(ReportFiles.PartialEvidence), lexicon, evidence);
        _line = new Utf8JsonWriter(_documents, LineOptions);
    }

    /// <summary>The documents added so far.</summary>
    public int Documents { get; private set; }

    /// <summary>Adds one document of input file <paramref name="file"/>, in input order.</summary>
    public void Add(int file, DocumentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        try
        {
            WriteDocument(file, report);
            report.MoveEvidenceTo(_evidence);
        }
        catch (IOException e)
        {
            throw EvidenceFile.Unwritable(_output.FullPath, e);
        }

        Documents++;
    }

    /// <inheritdoc />
    public IEvidenceTarget OpenEvidence() => new DirectEvidence(_evidence, _output.FullPath);

    /// <summary>Writes <c>partial.json</c> (the run as a <see cref="ShardHeader"/>, with the fingerprint of every input file) and moves the partial results into place.</summary>
    /// <returns>Their final paths.</returns>
    public IReadOnlyList<string> Complete(AnalysisRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (fingerprint, fileHashes) = InputFingerprint.Compute(_files, _cancellationToken);
        var header = run.ShardHeader(_shard, fingerprint, fileHashes);
        try
        {
            _line.Dispose();
            _documents.Dispose();
            _evidence.Dispose();
            using (var stream = File.Create(_output.Stage(ReportFiles.PartialHeader)))
            {
                JsonSerializer.Serialize(stream, PartialJson.Of(header), ManifestWriter.Json.PartialJson);
            }

            WriteListing(_output.Stage(ReportFiles.PartialFiles), header.FileHashes);

            PartialChecksums.Write(_output.Stage(ReportFiles.PartialChecksums), _output.StagedPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw EvidenceFile.Unwritable(_output.FullPath, e);
        }

        return _output.Commit();
    }

    /// <summary>Closes the files; staged files are removed by the output folder unless committed.</summary>
    public void Dispose()
    {
        _line.Dispose();
        _documents.Dispose();
        _evidence.Dispose();
    }

    private void WriteDocument(int file, DocumentReport report)
    {
        _line.Reset();
        DocumentLine.Of(file, report).Write(_line);
        _line.Flush();
        _documents.WriteByte((byte)'\n');
    }

    /// <summary>
    /// Writes the run's list of input files, one <c>["path","sha256"]</c> a line: the same in every shard,
    /// and as long as the corpus has files, so it is kept out of <c>partial.json</c> and read once by a merge
    /// (its hash is the fingerprint <c>partial.json</c> records).
    /// </summary>
    private static void WriteListing(string path, IReadOnlyList<KeyValuePair<string, string>> files)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var json = new Utf8JsonWriter(stream, LineOptions);
        foreach (var (file, sha256) in files)
        {
            json.Reset();
            json.WriteStartArray();
            json.WriteStringValue(file);
            json.WriteStringValue(sha256);
            json.WriteEndArray();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }
    }

    /// <summary>A document's rows written straight into <c>partial_evidence.csv</c> from where it stands.</summary>
    private sealed class DirectEvidence(FileStream file, string path) : IEvidenceTarget
    {
        private readonly long _start = file.Position;

        public void Write(ReadOnlySpan<byte> rows)
        {
            try
            {
                file.Write(rows);
            }
            catch (IOException e)
            {
                throw EvidenceFile.Unwritable(path, e);
            }
        }

        public void Keep()
        {
        }

        public void Undo()
        {
            try
            {
                file.SetLength(_start);
                file.Position = _start;
            }
            catch (IOException e)
            {
                throw EvidenceFile.Unwritable(path, e);
            }
        }
    }
}
