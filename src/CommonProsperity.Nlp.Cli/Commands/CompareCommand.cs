using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp compare</c>: key words and theme rates of groups of documents (by a metadata field, or two input sets).</summary>
[CommandWords("compare", 90, "Compare groups of documents: key words (G2, log ratio) and theme rates with tests.")]
[CommandExample("corpus/", "--by", "language")]
[CommandExample("laws/", "--vs", "speeches/")]
internal sealed class CompareCommand : Command<CompareCommand.Settings>
{
    /// <summary>The options of <c>compare</c>.</summary>
    public sealed class Settings : ReportPageSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for keyness.csv, theme_by_group.csv and the charts (created if missing)")]
        [DefaultValue("reports/compare")]
        public string Out { get; init; } = "reports/compare";

        /// <summary>The grouping field.</summary>
        [CommandOption("--by <FIELD>")]
        [Description("Group the documents by a metadata field: language, publisher, year, month, date, title, or a sources.csv column")]
        public string? By { get; init; }

        /// <summary>A second input set.</summary>
        [CommandOption("--vs <PATH>")]
        [Description("Compare the inputs with these files or folders instead (repeat for several)")]
        public string[] Versus { get; init; } = [];

        /// <summary>Words per group and direction.</summary>
        [CommandOption("--top <N>")]
        [Description("Key words listed per group and direction")]
        [DefaultValue(30)]
        public int Top { get; init; } = 30;

        /// <summary>Minimum count.</summary>
        [CommandOption("--min-count <N>")]
        [Description("Test only words seen at least N times in all groups together")]
        [DefaultValue(5)]
        public int MinCount { get; init; } = 5;

        /// <summary>Largest p-value listed.</summary>
        [CommandOption("--max-p <P>")]
        [Description("List only words whose G2 p-value is below P (1 = all)")]
        [DefaultValue(0.05)]
        public double MaxP { get; init; } = 0.05;

        /// <summary>Only one language's documents.</summary>
        [CommandOption("--language <LANG>")]
        [Description("Compare only the documents in this language (for example zh), so that groups by year or publisher do not differ by language")]
        public string? Language { get; init; }

        /// <summary>Keep stop words.</summary>
        [CommandOption("--keep-stop-words")]
        [Description("Count stop words too (the, of, 的, 和 ...)")]
        public bool KeepStopWords { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var result = new CompareJob(settings.LoadLexicon()).Run(
            settings.Discovery(settings.Out) with { Html = !settings.NoHtml },
            settings.By,
            settings.Versus,
            new KeynessOptions(settings.Top, settings.MinCount, settings.MaxP, settings.KeepStopWords),
            settings.Language?.Trim().ToLowerInvariant(),
            cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var comparison = result.Value;
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Compared {comparison.Keyness.Groups.Count} groups of {comparison.Keyness.Groups.Sum(g => g.Documents)} document(s) by {comparison.By} in {result.Elapsed.TotalSeconds:F1} s."));
        foreach (var group in comparison.Keyness.Groups)
        {
            var terms = comparison.Keyness.Terms.Where(t => t.Group == group.Name).ToList();
            streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Name} ({group.Documents} documents, {group.Words:N0} words; vs {terms.FirstOrDefault()?.Reference ?? "the rest"})"));
            streams.Out.WriteLine($"    more: {string.Join(", ", terms.Where(t => t.Direction == "over").Take(10).Select(t => t.Term))}");
            streams.Out.WriteLine($"    less: {string.Join(", ", terms.Where(t => t.Direction == "under").Take(10).Select(t => t.Term))}");
        }

        var groups = comparison.Keyness.Groups.Select(g => g.Name).ToList();
        // A row per group and a column per theme, so that fifty years stay fifty rows; the last row is each theme's p-value across the groups.
        var themes = comparison.Themes.Select(r => r.Theme).Distinct().ToList();
        streams.Out.WriteLine("  themes (hits per 1,000 tokens; p of the chi-square across the groups):");
        ConsoleTable.Write(streams.Out, ["group", .. themes],
            [
                .. groups.Select(g => (IReadOnlyList<string>)[g, .. themes.Select(t => comparison.Themes.First(r => r.Group == g && r.Theme == t).Tally.Per1000.ToString("F2", CultureInfo.InvariantCulture))]),
                ["p", .. themes.Select(t => PValue(comparison.Themes.First(r => r.Theme == t).P))],
            ],
            Enumerable.Range(1, themes.Count).ToHashSet(), indent: "    ");

        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }

    /// <summary>A p-value as the console shows it (the CSV has six significant digits): three decimals, or <c>&lt;0.001</c>.</summary>
    private static string PValue(double p) => p < 0.001 ? "<0.001" : p.ToString("F3", CultureInfo.InvariantCulture);
}
