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

    internal DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, CsvRowBuffer evidence)
        : this(summary, characters, terms, evidence.Records, evidence.Length) => _evidence = evidence;

    /// <summary>A report whose evidence rows wait in a temporary file (a large document analysed in windows).</summary>
    internal DocumentReport(DocumentSummary summary, long characters, IReadOnlyList<TermHits> terms, EvidenceSpill evidence)
        : this(summary, characters, terms, evidence.Records, evidence.Length) => _spill = evidence;

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
        if (_spill is { } spill)
        {
            _spill = null;
            return spill.TakeChunks();
        }

        var evidence = _evidence ?? throw new InvalidOperationException($"the evidence of {Summary.Id} was written already.");
        _evidence = null;
        return [evidence];
    }

    /// <summary>Gives the evidence rows up unwritten (a document left out of the counts).</summary>
    internal void DiscardEvidence()
    {
        _spill?.Dispose();
        _spill = null;
        _evidence?.Release();
        _evidence = null;
    }
}
