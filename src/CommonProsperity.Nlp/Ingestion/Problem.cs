namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// One problem met while reading inputs: a file or record passed over, or a warning. Every job sends
/// its problems to one <see cref="IProblemSink"/>; the console, the manifest and the exit code all read
/// them from there.
/// </summary>
/// <param name="Kind">Whether the input was passed over or only warned about.</param>
/// <param name="File">The input concerned, relative to its input folder where possible (<c>file#row</c> for a CSV row); empty when none is.</param>
/// <param name="Message">What is wrong, with where (file, and line where there is one).</param>
/// <param name="Fix">How to fix it, when that is not already part of <paramref name="Message"/>.</param>
public sealed record Problem(ProblemKind Kind, string File, string Message, string? Fix = null)
{
    /// <summary>The message and its fix, as printed and written to the manifest.</summary>
    public string Text => Fix is null ? Message : $"{Message} {Fix}";

    /// <summary>An input (or one record of it) that was not analysed.</summary>
    public static Problem Skipped(string file, string message, string? fix = null) => new(ProblemKind.Skipped, file, message, fix);

    /// <summary>A problem that did not stop the input from being analysed.</summary>
    public static Problem Warning(string file, string message, string? fix = null) => new(ProblemKind.Warning, file, message, fix);
}
