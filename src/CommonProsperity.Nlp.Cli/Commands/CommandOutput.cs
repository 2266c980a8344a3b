using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>What every command that reads documents prints: warnings and skips on standard error, the reports written, and the exit code.</summary>
internal static class CommandOutput
{
    /// <summary>Prints warnings and skipped inputs to standard error.</summary>
    public static void Problems(CliStreams streams, IEnumerable<string> warnings, IEnumerable<SkippedInput> skipped)
    {
        foreach (var warning in warnings)
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        foreach (var skip in skipped)
        {
            streams.Error.WriteLine($"skipped: {skip.Reason}");
        }
    }

    /// <summary>
    /// Prints the warnings of reading label files, at most <paramref name="max"/> of them and then how
    /// many more there are, so that a file with thousands of repeated rows does not bury the results.
    /// </summary>
    public static void LabelWarnings(CliStreams streams, IReadOnlyList<string> warnings, int max = 20)
    {
        foreach (var warning in warnings.Take(max))
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        if (warnings.Count > max)
        {
            streams.Error.WriteLine($"warning: ... and {warnings.Count - max} more such rows in the label files; each repeated passage was counted once.");
        }
    }

    /// <summary>Lists the reports written and returns the exit code: <see cref="ExitCodes.CompletedWithSkips"/> when inputs were skipped.</summary>
    public static int Reports(CliStreams streams, string folder, IEnumerable<string> reports, int skipped, string? heading = null)
    {
        streams.Out.WriteLine(heading ?? $"Reports in {Path.GetFullPath(folder)}:");
        foreach (var report in reports)
        {
            streams.Out.WriteLine($"  {Path.GetFileName(report)}");
        }

        if (skipped > 0)
        {
            streams.Out.WriteLine($"{skipped} input(s) were skipped (see above and manifest.json).");
            return ExitCodes.CompletedWithSkips;
        }

        return ExitCodes.Success;
    }
}
