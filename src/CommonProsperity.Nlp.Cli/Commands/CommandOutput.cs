using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// What every command that reads documents prints: the problems on standard error (warnings, then the
/// inputs skipped), the reports written, and the exit code, decided once at the end from the problems
/// by one rule for every command (<see cref="Finish"/>).
/// </summary>
internal static class CommandOutput
{
    /// <summary>Prints the warnings, then the inputs skipped, to standard error.</summary>
    public static void Problems(CliStreams streams, IReadOnlyList<Problem> problems)
    {
        foreach (var warning in problems.Warnings())
        {
            streams.Error.WriteLine($"warning: {OptionFlags.Describe(warning)}");
        }

        foreach (var skip in problems.Skipped())
        {
            streams.Error.WriteLine($"skipped: {OptionFlags.Describe(skip)}");
        }
    }

    /// <summary>
    /// Prints the warnings of reading label files, at most <paramref name="max"/> of them and then how
    /// many more there are, so that a file with thousands of repeated rows does not bury the results.
    /// </summary>
    public static void LabelWarnings(CliStreams streams, IReadOnlyList<string> warnings, int max = 20) =>
        Warnings(streams, warnings, "such rows in the label files; each repeated passage was counted once", max);

    /// <summary>
    /// Prints <paramref name="warnings"/>, at most <paramref name="max"/> of them and then how many
    /// <paramref name="more"/> there are.
    /// </summary>
    public static void Warnings(CliStreams streams, IReadOnlyList<string> warnings, string more, int max = 20)
    {
        foreach (var warning in warnings.Take(max))
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        if (warnings.Count > max)
        {
            streams.Error.WriteLine($"warning: ... and {warnings.Count - max} more {more}.");
        }
    }

    /// <summary>Lists the reports written.</summary>
    public static void Reports(CliStreams streams, string folder, IEnumerable<string> reports, string? heading = null)
    {
        streams.Out.WriteLine(heading ?? $"Reports in {Path.GetFullPath(folder)}:");
        foreach (var report in reports)
        {
            streams.Out.WriteLine($"  {Path.GetFileName(report)}");
        }
    }

    /// <summary>
    /// The exit code of a command that completed, from what it reported: <see cref="ExitCodes.CompletedWithSkips"/>
    /// when any input was skipped (said once more on standard output), else <see cref="ExitCodes.Success"/>;
    /// warnings do not change it.
    /// </summary>
    /// <param name="streams">Where to say it.</param>
    /// <param name="problems">Every problem the command met.</param>
    /// <param name="where">Where the skips are listed.</param>
    public static int Finish(CliStreams streams, IReadOnlyList<Problem> problems, string where = "see above and manifest.json")
    {
        var skipped = problems.Skipped().Count;
        if (skipped == 0)
        {
            return ExitCodes.Success;
        }

        streams.Out.WriteLine($"{skipped} input(s) were skipped ({where}).");
        return ExitCodes.CompletedWithSkips;
    }
}
