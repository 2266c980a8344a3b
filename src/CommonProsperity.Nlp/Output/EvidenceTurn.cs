namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The moment a large document, analysed in windows on a worker, becomes the next in input order: every
/// earlier document's evidence rows have been written, and the thread that writes the reports waits for
/// this one. <see cref="Reached"/> (on that thread) opens the sink's evidence file for it, and from then
/// on its rows go straight into that file (<see cref="EvidenceSpill.Attach"/>) instead of a temporary
/// file that would be copied afterwards. Thread-safe.
/// </summary>
internal sealed class EvidenceTurn
{
    private readonly Lock _gate = new();
    private EvidenceSpill? _spill;
    private IEvidenceTarget? _target;

    /// <summary>The document's turn has come: its rows, those made so far and those to come, go to <paramref name="target"/>.</summary>
    public void Reached(IEvidenceTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        lock (_gate)
        {
            _target = target;
            _spill?.Attach(target);
        }
    }

    /// <summary>The document's rows are now added to <paramref name="spill"/> (a reading of the document starts).</summary>
    internal void Spilling(EvidenceSpill spill)
    {
        lock (_gate)
        {
            _spill = spill;
            if (_target is { } target)
            {
                spill.Attach(target);
            }
        }
    }
}
