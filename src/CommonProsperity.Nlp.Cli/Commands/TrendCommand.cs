using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp trend</c>: theme rates per year or month, from the documents' dates.</summary>
[CommandWords("trend", 100, "Theme rates per year or month, from the documents' dates.")]
[CommandExample("corpus/", "--by", "year")]
internal sealed class TrendCommand : Command<TrendCommand.Settings>
{
    /// <summary>The options of <c>trend</c>.</summary>
    public sealed class Settings : ThemeChartSettings
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

        /// <summary>Search terms to follow instead of the themes.</summary>
        [CommandOption("--terms <TERM>")]
        [Description("Follow these words or phrases instead of the themes (term_trend.csv, chart_term_trend.png): comma-separated or repeated (--terms 共同富裕,小康 --terms \"common prosperity\"); counting rules as for kwic (Chinese also inside longer words, a trailing * for any ending)")]
        public string[] Terms { get; init; } = [];

        /// <summary>The search terms: each value of <see cref="Terms"/> split at commas.</summary>
        public IReadOnlyList<string> TermList() => [.. Terms.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if (Terms.Length > 0 && Themes is not null)
            {
                return ValidationResult.Error("--themes picks the themes to draw, and --terms draws the terms instead of the themes: give one or the other.");
            }

            if (Terms.Length > 0 && Lexicon is not null)
            {
                return ValidationResult.Error("--lexicon does not go with --terms: search terms need no lexicon.");
            }

            return SettingsValidation.Check(() =>
            {
                Period();
                Chart();
                if (Terms.Length > 0)
                {
                    Counting.SearchTerms.Of(TermList());
                }
            });
        }

        /// <summary>The period.</summary>
        public TrendPeriod Period() => FlagChoice.Parse("--by", By, "a period", ("year", TrendPeriod.Year), ("month", TrendPeriod.Month));
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var period = settings.Period();
        if (settings.Terms.Length > 0)
        {
            return ExecuteTerms(streams, settings, period, cancellationToken);
        }

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

    /// <summary><c>trend --terms</c>: each search term per period, then its first and last appearance.</summary>
    private static int ExecuteTerms(CliStreams streams, Settings settings, TrendPeriod period, CancellationToken cancellationToken)
    {
        var result = new TermTrendJob(settings.TermList())
            .Run(settings.Discovery(settings.Out) with { Html = !settings.NoHtml }, period, settings.Chart(), cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var points = result.Value.Points;
        static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Terms by {settings.By.Trim().ToLowerInvariant()} for {result.Documents} document(s), {points.Select(p => p.Period).Distinct().Count()} period(s), in {result.Elapsed.TotalSeconds:F1} s:"));
        // A row per period and term (long, as term_trend.csv), fitted to the terminal's width.
        ConsoleTable.Write(streams.Out, ["period", "term", "docs", "mentioning", "hits", "per 1,000 words"],
            points.Select(p => (IReadOnlyList<string>)[
                p.Period, p.Term, Count(p.Tally.Documents), Count(p.Tally.DocumentsWithTheme), Count(p.Tally.Hits),
                p.Tally.Per1000Words.ToString("F3", CultureInfo.InvariantCulture)]),
            new HashSet<int> { 2, 3, 4, 5 });
        streams.Out.WriteLine("Each term over all periods (its first and last documents are named in term_trend.csv):");
        ConsoleTable.Write(streams.Out, ["term", "hits", "documents", "first", "last"],
            result.Value.Terms.Select(t => (IReadOnlyList<string>)[t.Term, Count(t.Hits), Count(t.Documents), t.First?.Date ?? "-", t.Last?.Date ?? "-"]),
            new HashSet<int> { 1, 2 });
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
