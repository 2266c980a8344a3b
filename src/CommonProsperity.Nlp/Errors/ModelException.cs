namespace CommonProsperity.Nlp.Errors;

/// <summary>A model file that is missing, damaged, of another format version, or for other themes.</summary>
public sealed class ModelException : CommonProsperityException
{
    /// <summary>Creates the error: what is wrong, in which file, and how to fix it.</summary>
    public ModelException(string problem, string path, string? fix = null, Exception? inner = null)
        : base(problem, path, null, fix, inner)
    {
    }

    /// <summary>Creates the error with a fix that names an option (<see cref="OptionName"/>).</summary>
    public ModelException(FormattableString problem, string path, FormattableString fix, Exception? inner = null)
        : base(problem, path, null, fix, inner)
    {
    }
}
