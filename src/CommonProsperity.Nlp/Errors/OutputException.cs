namespace CommonProsperity.Nlp.Errors;

/// <summary>The output folder or a report in it cannot be written; reports already in place are left as they were.</summary>
public sealed class OutputException : CommonProsperityException
{
    /// <summary>Creates the error: what is wrong, where, and how to fix it.</summary>
    public OutputException(string problem, string? path, string? fix = null, Exception? inner = null)
        : base(problem, path, null, fix, inner)
    {
    }

    /// <summary>Creates the error with a fix that names an option (<see cref="OptionName"/>).</summary>
    public OutputException(FormattableString problem, string? path, FormattableString fix, Exception? inner = null)
        : base(problem, path, null, fix, inner)
    {
    }

    /// <inheritdoc />
    public override int ExitCode => ExitCodes.CannotWriteOutput;

    /// <summary>
    /// The error for a report that could not be written, by one rule for every writer: a full disk
    /// (or quota) and a read-only file system are named as such, anything else with the system's message.
    /// Runs write only into their staging folder, so the reports already in place are intact.
    /// </summary>
    /// <param name="path">The report being written, if known.</param>
    /// <param name="error">What the system said.</param>
    public static OutputException Writing(string? path, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (FileSystem.FileSystemError.IsNoSpace(error))
        {
            return new OutputException($"no space left on device while writing the reports ({error.Message}); the reports already in the output folder were left as they were.",
                path, Wording.Of($"Free some space, or choose a folder on another disk for {OptionName.OutputFolder}, then run again."), error);
        }

        if (FileSystem.FileSystemError.IsReadOnly(error))
        {
            return new OutputException($"the file system is read-only ({error.Message}); the reports already in the output folder were left as they were.",
                path, Wording.Of($"Choose a folder on a writable disk for {OptionName.OutputFolder}."), error);
        }

        return new OutputException($"cannot write the report ({error.Message}).", path, "Check free disk space and permissions of the output folder.", error);
    }

    /// <summary>
    /// <see cref="Writing"/> for <paramref name="error"/> or an error it wraps, when the system said the
    /// disk is full or the file system is read-only; null for any other error (which is then a bug).
    /// </summary>
    public static OutputException? FromSystemError(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            if (FileSystem.FileSystemError.IsNoSpace(inner) || FileSystem.FileSystemError.IsReadOnly(inner))
            {
                return Writing(null, inner);
            }
        }

        return null;
    }
}
