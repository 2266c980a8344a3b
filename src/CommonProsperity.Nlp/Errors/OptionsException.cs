namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// An option value that cannot work, named with the value and what would. The library names the option
/// by its meaning (<see cref="OptionName"/>, through <see cref="Wording.Of"/>); the command line by its flag.
/// </summary>
public sealed class OptionsException : CommonProsperityException
{
    /// <summary>
    /// Creates the error: what is wrong and what would work, as templates (interpolated strings) whose
    /// <see cref="OptionName"/>s each front end names its own way.
    /// </summary>
    public OptionsException(FormattableString problem, FormattableString? fix = null)
        : base(problem, null, null, fix)
    {
    }

    /// <inheritdoc />
    public override int ExitCode => ExitCodes.Usage;
}
