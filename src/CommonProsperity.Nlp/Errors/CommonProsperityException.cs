using System.Globalization;
using System.Text;

namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// The base of every error the toolkit raises on purpose. The message always says where the
/// problem is (file, line, column or row, when known) and what the user can do about it, so that
/// the command line can print it as it is.
/// </summary>
public class CommonProsperityException : Exception
{
    private readonly FormattableString _problem;
    private readonly FormattableString? _fix;

    /// <summary>Creates an error with a location and a fix.</summary>
    /// <param name="problem">What is wrong, as a sentence without a location.</param>
    /// <param name="path">The file concerned, if any.</param>
    /// <param name="line">The 1-based line (or CSV row) concerned, if any.</param>
    /// <param name="fix">What the user should change, if that can be said.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public CommonProsperityException(string problem, string? path = null, long? line = null, string? fix = null, Exception? inner = null)
        : this(Wording.Plain(problem), path, line, fix is null ? null : Wording.Plain(fix), inner)
    {
    }

    /// <summary>Creates an error whose problem and fix may name options (<see cref="OptionName"/>); see <see cref="Describe"/>.</summary>
    /// <param name="problem">What is wrong, as a sentence without a location.</param>
    /// <param name="path">The file concerned, if any.</param>
    /// <param name="line">The 1-based line (or CSV row) concerned, if any.</param>
    /// <param name="fix">What the user should change, if that can be said.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public CommonProsperityException(FormattableString problem, string? path, long? line, FormattableString? fix, Exception? inner = null)
        : base(Compose(Wording.Render(problem, null), path, line, fix is null ? null : Wording.Render(fix, null)), inner)
    {
        ArgumentNullException.ThrowIfNull(problem);
        _problem = problem;
        _fix = fix;
        Problem = Wording.Render(problem, null);
        FilePath = path;
        Line = line;
        Fix = fix is null ? null : Wording.Render(fix, null);
    }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    /// <summary>The file concerned, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line or row concerned, if any.</summary>
    public long? Line { get; }

    /// <summary>The suggested fix, if any.</summary>
    public string? Fix { get; }

    /// <summary>The process exit code the command line uses for this kind of error.</summary>
    public virtual int ExitCode => ExitCodes.DataError;

    /// <summary>
    /// The message with its options named by <paramref name="names"/> (a front end's names for them, such
    /// as the command line's flags; null: by their meaning, as <see cref="Exception.Message"/>).
    /// </summary>
    public string Describe(IFormatProvider? names) =>
        Compose(Wording.Render(_problem, names), FilePath, Line, _fix is null ? null : Wording.Render(_fix, names));

    private static string Compose(string problem, string? path, long? line, string? fix)
    {
        var text = new StringBuilder();
        if (path is not null)
        {
            text.Append(path);
            if (line is not null)
            {
                text.Append(':').Append(line.Value.ToString(CultureInfo.InvariantCulture));
            }

            text.Append(": ");
        }

        text.Append(problem);
        if (fix is not null)
        {
            text.Append(' ').Append(fix);
        }

        return text.ToString();
    }
}
