namespace CommonProsperity.Nlp.Errors;

/// <summary>The output folder or a report in it cannot be written; reports already in place are left as they were.</summary>
public sealed class OutputException(string problem, string path, string? fix = null, Exception? inner = null)
    : CommonProsperityException(problem, path, null, fix, inner)
{
    /// <inheritdoc />
    public override int ExitCode => ExitCodes.CannotWriteOutput;
}
