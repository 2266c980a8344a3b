using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;
using Spectre.Console;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>What <c>lexicon check --validated</c> prints: each term's, theme's and the sheet's precision with its interval.</summary>
internal static class LexiconValidationOutput
{
    /// <summary>Prints the precisions and where the report is; returns the exit code.</summary>
    public static int Print(CliStreams streams, (ValidatedSample Sample, IReadOnlyList<string> Reports) result, string folder)
    {
        var (sample, reports) = result;
        var o = streams.Out;
        var marked = sample.Rows - sample.Unmarked;
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{marked} of {sample.Rows} line(s) marked in {sample.Path}{(sample.Unmarked > 0 ? $" ({sample.Unmarked} left empty, not counted)" : "")}. Precision with its 95% Wilson interval:"));
        var width = Math.Clamp(sample.Precisions.Max(p => Label(p).GetCellWidth()), 10, 40);
        o.WriteLine($"  {"".PadRight(width)}  checked  correct  precision  interval");
        foreach (var p in sample.Precisions)
        {
            var label = ConsoleWidth.Pad(ConsoleWidth.Clip(Label(p), width, fromEnd: false), width);
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label}  {p.Checked,7}  {p.Correct,7}  {p.Precision,9:F3}  {p.Low:F3}–{p.High:F3}"));
        }

        var small = sample.Precisions.Where(p => p.Level == "term" && p.Checked < 20).ToList();
        if (small.Count > 0)
        {
            o.WriteLine($"{small.Count} term(s) have fewer than 20 lines checked: their intervals are wide; draw a larger sample (kwic --sample) to narrow them.");
        }

        CommandOutput.Reports(streams, folder, reports);
        return ExitCodes.Success;
    }

    private static string Label(ValidatedPrecision p) => p.Level switch
    {
        "all" => "all lines",
        "theme" => $"theme {p.Theme}",
        _ => p.Theme.Length > 0 ? $"{p.Theme}: {p.Term}" : p.Term,
    };
}
