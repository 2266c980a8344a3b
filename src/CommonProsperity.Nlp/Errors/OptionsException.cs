namespace CommonProsperity.Nlp.Errors;

/// <summary>An option value that cannot work, named with the value and what would.</summary>
public sealed class OptionsException(string problem, string? fix = null)
    : CommonProsperityException(problem, null, null, fix)
{
    /// <inheritdoc />
    public override int ExitCode => ExitCodes.Usage;
}
