namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// Process exit codes, shared by the library's exceptions and the command line so that scripts can
/// tell a finished run from a partial one or a refused one. The values follow BSD sysexits where one fits.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done.</summary>
    public const int Success = 0;

    /// <summary>Reports were written, but one or more inputs were skipped (listed in the manifest).</summary>
    public const int CompletedWithSkips = 2;

    /// <summary>The command line was wrong: unknown option, bad value.</summary>
    public const int Usage = 64;

    /// <summary>An input the run cannot do without (lexicon, labels, model) is malformed, or no document could be read.</summary>
    public const int DataError = 65;

    /// <summary>A bug: an error the toolkit did not expect. Please report it.</summary>
    public const int Internal = 70;

    /// <summary>The machine ran out of memory (sysexits' EX_OSERR): the inputs are within the limits but too large for it together.</summary>
    public const int OutOfMemory = 71;

    /// <summary>The output folder cannot be created or written.</summary>
    public const int CannotWriteOutput = 73;

    /// <summary>The run was cancelled (Ctrl-C); earlier reports were left as they were.</summary>
    public const int Cancelled = 130;
}
