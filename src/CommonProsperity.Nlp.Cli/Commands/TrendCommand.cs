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
    public sealed class Settings : CorpusSettings
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
        var result = new DiscoveryPipeline(settings.LoadLexicon())
            .RunTrend(settings.Discovery(settings.Out), period, cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var points = result.Value;
        var themes = points.Select(p => p.Theme).Distinct().ToList();
        var periods = points.Select(p => p.Period).Distinct().ToList();
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Theme rates (hits per 1,000 tokens) by {settings.By.Trim().ToLowerInvariant()} for {result.Documents} document(s), {periods.Count} period(s), in {result.Elapsed.TotalSeconds:F1} s:"));
        streams.Out.WriteLine($"  {"theme",-19}{string.Concat(periods.Select(p => p.PadLeft(9)))}");
        streams.Out.WriteLine($"  {"(documents)",-19}{string.Concat(periods.Select(p => points.First(x => x.Period == p).Tally.Documents.ToString(CultureInfo.InvariantCulture).PadLeft(9)))}");
        foreach (var theme in themes)
        {
            var row = points.Where(x => x.Theme == theme).Select(x => x.Tally.Per1000.ToString("F2", CultureInfo.InvariantCulture).PadLeft(9));
            streams.Out.WriteLine($"  {theme,-19}{string.Concat(row)}");
        }

        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
