using CommonProsperity.Nlp.Errors;

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
    // The message and fix as templates, when they name options (OptionName): a front end renders them with its own names.
    private FormattableString? MessageTemplate { get; init; }

    private FormattableString? FixTemplate { get; init; }

    /// <summary>The message and its fix, as written to the manifest (options named by their meaning).</summary>
    public string Text => Fix is null ? Message : $"{Message} {Fix}";

    /// <summary>
    /// <see cref="Text"/> with its options named by <paramref name="names"/> (a front end's names for them,
    /// such as the command line's flags; null: by their meaning).
    /// </summary>
    public string Describe(IFormatProvider? names)
    {
        var message = MessageTemplate is null ? Message : Wording.Render(MessageTemplate, names);
        var fix = FixTemplate is null ? Fix : Wording.Render(FixTemplate, names);
        return fix is null ? message : $"{message} {fix}";
    }

    /// <summary>Equal when kind, file, message and fix are (the templates they were rendered from do not count).</summary>
    public bool Equals(Problem? other) =>
        other is not null && Kind == other.Kind && File == other.File && Message == other.Message && Fix == other.Fix;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, File, Message, Fix);

    /// <summary>An input (or one record of it) that was not analysed, with a message and fix that name options.</summary>
    public static Problem Skipped(string file, FormattableString message, FormattableString? fix = null) => Templated(ProblemKind.Skipped, file, message, fix);

    /// <summary>A problem that did not stop the input from being analysed, with a message and fix that name options.</summary>
    public static Problem Warning(string file, FormattableString message, FormattableString? fix = null) => Templated(ProblemKind.Warning, file, message, fix);

    /// <summary>An input (or one record of it) that was not analysed because of <paramref name="error"/>, its options named as the error names them.</summary>
    public static Problem Skipped(string file, CommonProsperityException error, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Templated(ProblemKind.Skipped, file, $"{new Described(error)}{note}", null) with { ErrorFix = error.Fix };
    }

    /// <summary>The fix of the error the problem was made of (part of <see cref="Message"/>), if any; not part of its equality.</summary>
    internal string? ErrorFix { get; private init; }

    /// <summary>How to fix it: <see cref="Fix"/>, or the fix of the error it was made of.</summary>
    internal string? Remedy => Fix ?? ErrorFix;

    /// <summary>What is wrong, without <see cref="Remedy"/> where the message ends with it.</summary>
    internal string WithoutRemedy =>
        Fix is null && ErrorFix is { } fix && Message.EndsWith(" " + fix, StringComparison.Ordinal) ? Message[..^(fix.Length + 1)] : Message;

    private static Problem Templated(ProblemKind kind, string file, FormattableString message, FormattableString? fix) =>
        new(kind, file, Wording.Render(message, null), fix is null ? null : Wording.Render(fix, null)) { MessageTemplate = message, FixTemplate = fix };

    /// <summary>An input (or one record of it) that was not analysed.</summary>
    public static Problem Skipped(string file, string message, string? fix = null) => new(ProblemKind.Skipped, file, message, fix);

    /// <summary>
    /// An input that was not analysed (or not to its end: <paramref name="note"/> says what of it was) because its
    /// file could not be read (<paramref name="error"/>: an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>).
    /// </summary>
    public static Problem CannotRead(string file, Exception error, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Skipped(file, $"{file}: cannot read the file ({error.Message}).{note}", "Check that it exists and that you may read it.");
    }

    /// <summary>A problem that did not stop the input from being analysed.</summary>
    public static Problem Warning(string file, string message, string? fix = null) => new(ProblemKind.Warning, file, message, fix);

    /// <summary>An error's message as an argument of a template: rendered with the names the template is rendered with.</summary>
    private sealed class Described(CommonProsperityException error) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => error.Describe(formatProvider);

        public override string ToString() => error.Message;
    }
}
