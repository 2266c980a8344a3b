using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Pipeline;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>What <c>analyze</c> and <c>merge</c> print when done, and the exit code that goes with it.</summary>
internal static class RunSummary
{
    /// <summary>Prints warnings and skips to standard error, the headline and the files written to standard output; returns 2 when inputs were skipped, else 0.</summary>
    public static int Print(CliStreams streams, AnalysisResult result, string headline, string filesHeading)
    {
        foreach (var warning in result.Warnings)
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        foreach (var skip in result.Skipped)
        {
            streams.Error.WriteLine($"skipped: {skip.Reason}");
        }

        streams.Out.WriteLine(headline);
        streams.Out.WriteLine(filesHeading);
        foreach (var report in result.Reports)
        {
            streams.Out.WriteLine($"  {Path.GetFileName(report)}");
        }

        if (result.Skipped.Count > 0)
        {
            streams.Out.WriteLine($"{result.Skipped.Count} input(s) were skipped (see above and manifest.json).");
            return ExitCodes.CompletedWithSkips;
        }

        return ExitCodes.Success;
    }
}
