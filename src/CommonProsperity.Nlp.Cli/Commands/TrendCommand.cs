using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp trend</c>: theme rates per year or month, from the documents' dates.</summary>
internal sealed class TrendCommand : Command<TrendCommand.Settings>
{
    /// <summary>The options of <c>trend</c>.</summary>
    public sealed class Settings : ReportPageSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for theme_trend.csv and the chart (created if missing)")]
        [DefaultValue("reports/trend")]
        public string Out { get; init; } = "reports/trend";

        /// <summary>The period.</summary>
        [CommandOption("--by <PERIOD>")]
        [Description("year or month")]
        [DefaultValue("year")]
        public string By { get; init; } = "year";

        /// <summary>The themes drawn.</summary>
        [CommandOption("--themes <THEMES>")]
        [Description("Draw only these themes, comma-separated (for example inequality,common_prosperity); the CSV keeps all")]
        public string? Themes { get; init; }

        /// <summary>The chart's scale.</summary>
        [CommandOption("--chart-scale <SCALE>")]
        [Description("rate (hits per 1,000 words) or relative (each theme as a share of its own highest rate, so that small themes show beside large ones)")]
        [DefaultValue("rate")]
        public string ChartScale { get; init; } = "rate";

        /// <summary>What the chart draws.</summary>
        public TrendChartOptions Chart() => new(
            Themes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            ChartScale.Trim().ToLowerInvariant() switch
            {
                "rate" => false,
                "relative" => true,
                _ => throw new OptionsException($"--chart-scale {ChartScale} is not a scale.", "Use --chart-scale rate or --chart-scale relative."),
            });
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var period = settings.By.Trim().ToLowerInvariant() switch
        {
            "year" => TrendPeriod.Year,
            "month" => TrendPeriod.Month,
            _ => throw new OptionsException($"--by {settings.By} is not a period.", "Use --by year or --by month."),
        };
        var result = new TrendJob(settings.LoadLexicon())
            .Run(settings.Discovery(settings.Out) with { Html = !settings.NoHtml }, period, settings.Chart(), cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var points = result.Value;
        var themes = points.Select(p => p.Theme).Distinct().ToList();
        var periods = points.Select(p => p.Period).Distinct().ToList();
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Theme rates (hits per 1,000 tokens) by {settings.By.Trim().ToLowerInvariant()} for {result.Documents} document(s), {periods.Count} period(s), in {result.Elapsed.TotalSeconds:F1} s:"));
        // A row per period (a corpus of 50 years is 50 rows, not 500 columns), fitted to the terminal's width.
        ConsoleTable.Write(streams.Out, ["period", "docs", .. themes],
            periods.Select(p => (IReadOnlyList<string>)[
                p, points.First(x => x.Period == p).Tally.Documents.ToString(CultureInfo.InvariantCulture),
                .. themes.Select(t => points.First(x => x.Period == p && x.Theme == t).Tally.Per1000.ToString("F2", CultureInfo.InvariantCulture))]),
            Enumerable.Range(1, themes.Count + 1).ToHashSet());

        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
