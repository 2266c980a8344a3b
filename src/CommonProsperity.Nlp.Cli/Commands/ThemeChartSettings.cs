using System.ComponentModel;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options of the commands that draw theme rates (<c>analyze</c>, <c>trend</c>): which themes, on which scale.</summary>
internal abstract class ThemeChartSettings : ReportPageSettings
{
    /// <summary>The themes drawn.</summary>
    [CommandOption("--themes <THEMES>")]
    [Description("Draw only these themes, comma-separated (for example inequality,common_prosperity); the CSV keeps all")]
    public string? Themes { get; init; }

    /// <summary>The charts' scale.</summary>
    [CommandOption("--chart-scale <SCALE>")]
    [Description("rate (hits per 1,000 words) or relative (each theme as a share of its own highest rate, so that small themes show beside large ones)")]
    [DefaultValue("rate")]
    public string ChartScale { get; init; } = "rate";

    /// <summary>What the charts draw.</summary>
    /// <exception cref="OptionsException">The scale is neither rate nor relative.</exception>
    public TrendChartOptions Chart() => new(
        Themes?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        FlagChoice.Parse("--chart-scale", ChartScale, "a scale", ("rate", false), ("relative", true)));
}
