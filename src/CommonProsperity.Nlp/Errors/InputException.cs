namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// An input document (or a row of one) that cannot be read: unsupported, empty, undecodable or
/// malformed. In a batch it skips that input only.
/// </summary>
public sealed class InputException : CommonProsperityException
{
    /// <summary>Creates the error: what is wrong, where, and how to fix it.</summary>
    public InputException(string problem, string path, long? line = null, string? fix = null, Exception? inner = null)
        : base(problem, path, line, fix, inner)
    {
    }

    /// <summary>Creates the error with a fix that names an option (<see cref="OptionName"/>).</summary>
    public InputException(FormattableString problem, string path, long? line, FormattableString fix, Exception? inner = null)
        : base(problem, path, line, fix, inner)
    {
    }
}
