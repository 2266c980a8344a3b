namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A sink's evidence file opened, at its turn, for the rows of one large document that is still being
/// analysed in windows: every earlier document's rows are in the file already, so the document's rows
/// are written straight into it instead of through a temporary file (<see cref="EvidenceSpill.Attach"/>).
/// Used by one thread at a time; while it is open, nothing else is written to the file.
/// </summary>
internal interface IEvidenceTarget
{
    /// <summary>Appends rows.</summary>
    /// <exception cref="Errors.OutputException">The file cannot be written.</exception>
    void Write(ReadOnlySpan<byte> rows);

    /// <summary>The document's rows are final: the file goes on after them.</summary>
    void Keep();

    /// <summary>Removes every row written since the target was opened (the document was skipped after all), so that the file holds the earlier documents' rows only.</summary>
    /// <exception cref="Errors.OutputException">The file cannot be cut back.</exception>
    void Undo();
}
