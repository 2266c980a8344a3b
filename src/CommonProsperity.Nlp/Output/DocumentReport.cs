using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// What the reports take from one analysed document: its summary row, its hits per lexicon term, and
/// its evidence rows already formatted as CSV bytes. Made on worker threads
/// (<see cref="DocumentReportBuilder"/>) or read back from a shard's partial results, so that
/// the one thread writing the reports only copies bytes and adds numbers. It holds a pooled buffer:
/// the <see cref="IDocumentReportSink"/> it is added to takes it over, once.
/// </summary>
internal sealed class DocumentReport
{
    private CsvRowBuffer? _evidence;
    private EvidenceSpill? _spill;
    private IEvidenceSource? _source;
    private (ShardEvidenceFile File, long Offset)? _range;

    internal DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, CsvRowBuffer evidence)
        : this(summary, characters, terms, evidence.Records, evidence.Length) => _evidence = evidence;

    /// <summary>A report whose evidence rows wait in a temporary file (a large document analysed in windows).</summary>
    internal DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, EvidenceSpill evidence)
        : this(summary, characters, terms, evidence.Records, evidence.Length) => _spill = evidence;

    /// <summary>A document whose <paramref name="evidenceBytes"/> bytes of evidence rows are the next in <paramref name="source"/> (a shard's evidence file), read when appended.</summary>
    internal DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, int evidenceRows, int evidenceBytes, IEvidenceSource source)
        : this(summary, characters, terms, evidenceRows, (long)evidenceBytes) => _source = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>A document whose <paramref name="evidenceBytes"/> bytes of evidence rows stay in a shard's evidence <paramref name="file"/>, from <paramref name="offset"/> on: a merge lists them (<see cref="EvidenceParts"/>) without reading them.</summary>
    internal DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, int evidenceRows, long evidenceBytes, ShardEvidenceFile file, long offset)
        : this(summary, characters, terms, evidenceRows, evidenceBytes) => _range = (file ?? throw new ArgumentNullException(nameof(file)), offset);

    private DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, int evidenceRows, long evidenceBytes)
    {
        Summary = summary;
        Characters = characters;
        Terms = terms;
        EvidenceRows = evidenceRows;
        EvidenceBytes = evidenceBytes;
    }

    /// <summary>The document's row in the per-document reports.</summary>
    public DocumentSummary Summary { get; }

    /// <summary>The fingerprint of its text, for finding near-duplicate inputs (empty for a report read back from a shard).</summary>
    public Text.TextFingerprint Fingerprint { get; init; } = Text.TextFingerprint.Empty;

    /// <summary>True when its repeated blocks were left out of the counts.</summary>
    public bool RepeatsLeftOut { get; init; }

    /// <summary>The characters of its text.</summary>
    public long Characters { get; }

    /// <summary>The lexicon terms it matched, by term index, each with its hits.</summary>
    public IReadOnlyList<TermHits> Terms { get; }

    /// <summary>Its evidence rows (one per hit).</summary>
    public int EvidenceRows { get; }

    /// <summary>The size of its evidence rows in bytes of UTF-8 CSV.</summary>
    public long EvidenceBytes { get; }

    /// <summary>Writes the evidence rows to <paramref name="stream"/> and gives their buffer back to the pool.</summary>
    /// <exception cref="InvalidOperationException">The rows were written already.</exception>
    internal void MoveEvidenceTo(Stream stream)
    {
        foreach (var evidence in TakeEvidence())
        {
            stream.Write(evidence.Written);
            evidence.Release();
        }
    }

    /// <summary>
    /// Takes the evidence rows over, in order: one buffer, or for a large document a chunk at a time read
    /// back from its temporary file (the taker releases each buffer).
    /// </summary>
    /// <exception cref="InvalidOperationException">They were taken already.</exception>
    internal IEnumerable<CsvRowBuffer> TakeEvidence()
    {
        if (_range is not null)
        {
            throw new InvalidOperationException($"the evidence of {Summary.Id} is left in a shard's file, to be listed, not read.");
        }

        if (_source is { } source)
        {
            // Rows still in a shard's file: read them into a buffer (the callers that want them in memory).
            _source = null;
            return [CsvRowBuffer.ReadFrom(source, (int)EvidenceBytes, EvidenceRows)];
        }

        if (_spill is { } spill)
        {
            _spill = null;
            return spill.TakeChunks();
        }

        var evidence = _evidence ?? throw new InvalidOperationException($"the evidence of {Summary.Id} was written already.");
        _evidence = null;
        return [evidence];
    }

    /// <summary>Takes over the file the evidence rows are still in, or returns null when they are in memory or spilled (<see cref="TakeEvidence"/>).</summary>
    internal IEvidenceSource? TakeEvidenceSource()
    {
        var source = _source;
        _source = null;
        return source;
    }

    /// <summary>Takes over where the evidence rows are in a shard's evidence file, or returns null when they are elsewhere.</summary>
    internal (ShardEvidenceFile File, long Offset)? TakeEvidenceRange()
    {
        var range = _range;
        _range = null;
        return range;
    }

    /// <summary>Gives the evidence rows up unwritten (a document left out of the counts).</summary>
    internal void DiscardEvidence()
    {
        _range = null;
        _source = null;
        _spill?.Dispose();
        _spill = null;
        _evidence?.Release();
        _evidence = null;
    }
}
