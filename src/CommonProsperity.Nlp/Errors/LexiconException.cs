namespace CommonProsperity.Nlp.Errors;

/// <summary>A lexicon file (CSV or LIWC .dic) that breaks the format; the run stops before any counting.</summary>
public sealed class LexiconException : CommonProsperityException
{
    /// <summary>Creates the error: what is wrong, where, and how to fix it.</summary>
    public LexiconException(string problem, string path, long? line = null, string? fix = null)
        : base(problem, path, line, fix)
    {
    }

    /// <summary>Creates the error with a fix that names an option (<see cref="OptionName"/>).</summary>
    public LexiconException(FormattableString problem, string path, FormattableString fix)
        : base(problem, path, null, fix)
    {
    }
}
