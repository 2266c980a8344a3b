using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp kwic</c>: a concordance (keyword in context) of search terms or of a lexicon theme's terms.</summary>
[CommandWords("kwic", 110, "A concordance (keyword in context) of words or phrases, or of a lexicon theme's terms; --sample draws lines to check by hand.")]
[CommandExample("corpus/", "--term", "common prosperity", "--term", "共同富裕")]
[CommandExample("corpus/", "--lexicon-theme", "philanthropy", "--sample", "50", "--seed", "7")]
internal sealed class KwicCommand : Command<KwicCommand.Settings>
{
    /// <summary>The most concordance lines printed; the CSV has them all.</summary>
    public const int MaxPrinted = 25;

    /// <summary>The options of <c>kwic</c>.</summary>
    public sealed class Settings : InputSettings
    {
        /// <summary>The search terms.</summary>
        [CommandOption("-t|--term <TERM>")]
        [Description("A word or phrase to look for, by the counting rules (Chinese also inside longer words; a trailing * for any ending). Repeat for more terms")]
        public string[] Terms { get; init; } = [];

        /// <summary>A theme of the lexicon whose terms to look for.</summary>
        [CommandOption("--lexicon-theme <THEME>")]
        [Description("Look for the terms of this theme of the lexicon instead (its matches are the theme's evidence rows)")]
        public string? LexiconTheme { get; init; }

        /// <summary>A lexicon file instead of the built-in one.</summary>
        [CommandOption("--lexicon <FILE>")]
        [Description("With --lexicon-theme: a lexicon (CSV or LIWC .dic) instead of the built-in one")]
        public string? Lexicon { get; init; }

        /// <summary>Context width.</summary>
        [CommandOption("-c|--context <N>")]
        [Description("Characters of context each side of a match")]
        [DefaultValue(40)]
        public int Context { get; init; } = 40;

        /// <summary>Sample size.</summary>
        [CommandOption("--sample <N>")]
        [Description("Write a random sample of N matches with an empty 'correct' column to mark y/n by hand (then: cpnlp lexicon check --validated)")]
        public int? Sample { get; init; }

        /// <summary>Sample seed.</summary>
        [CommandOption("--seed <S>")]
        [Description("Random seed of --sample: the same seed and inputs draw the same lines")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for kwic.csv and manifest.json (created if missing)")]
        [DefaultValue("reports/kwic")]
        public string Out { get; init; } = "reports/kwic";

        /// <summary>The library's options for these settings.</summary>
        public ConcordanceOptions Options() => new(Context, Sample, Seed, Themed: LexiconTheme is not null);

        /// <summary>The lexicon to look with: the search terms, or the theme's terms.</summary>
        public Lexicon SearchLexicon() => LexiconTheme is { } theme ? SearchTerms.Theme(LexiconOption.Load(Lexicon), theme) : SearchTerms.Of(Terms);

        /// <inheritdoc />
        public override ValidationResult Validate()
        {
            if ((Terms.Length > 0) == (LexiconTheme is not null))
            {
                return ValidationResult.Error(Terms.Length > 0
                    ? "--term and --lexicon-theme were both given. Look for your own terms (--term) or for a theme's terms (--lexicon-theme), not both."
                    : "nothing to look for. Give --term TERM (repeat for more), or --lexicon-theme THEME for the terms of a lexicon theme.");
            }

            if (Lexicon is not null && LexiconTheme is null)
            {
                return ValidationResult.Error("--lexicon only goes with --lexicon-theme: search terms (--term) need no lexicon.");
            }

            return SettingsValidation.Check(() => Options().Validate());
        }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var lexicon = settings.SearchLexicon();
        var result = new KwicJob(lexicon)
            .Run(new DiscoveryOptions(settings.Inputs, settings.Out, settings.Ingestion, Charts: false), settings.Options(), cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var found = result.Value;
        var what = settings.LexiconTheme is { } theme ? $"the {lexicon.Terms.Count} terms of theme {theme}" : string.Join(", ", lexicon.Themes.Select(t => $"'{t}'"));
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{found.Matches} match(es) of {what} in {result.Documents} document(s), in {result.Elapsed.TotalSeconds:F1} s{(found.Sampled ? $"; a sample of {found.Lines.Count} (seed {settings.Seed}) to check by hand" : "")}:"));
        foreach (var line in Layout(found.Lines.Take(MaxPrinted).ToList(), ConsoleWidth.Of(streams.Out)))
        {
            streams.Out.WriteLine(line);
        }

        if (found.Lines.Count > MaxPrinted)
        {
            streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ... and {found.Lines.Count - MaxPrinted} more line(s) in {ReportFiles.Kwic}."));
        }

        CommandOutput.Reports(streams, settings.Out, result.Reports);
        if (found.Sampled)
        {
            streams.Out.WriteLine($"Mark each row's '{KwicLine.CorrectColumn}' y or n, then: cpnlp lexicon check --validated {Path.Combine(settings.Out, ReportFiles.Kwic)}");
        }

        return CommandOutput.Finish(streams, result.Problems);
    }

    /// <summary>
    /// The lines as a concordance that fits <paramref name="width"/> terminal cells: the document, the
    /// left context right-aligned, the match, the right context; Chinese characters take two cells.
    /// </summary>
    internal static IEnumerable<string> Layout(IReadOnlyList<KwicLine> lines, int width)
    {
        if (lines.Count == 0)
        {
            yield break;
        }

        var documents = lines.Select(l => ConsoleWidth.Clip(Path.GetFileNameWithoutExtension(l.Document), 18, fromEnd: false)).ToList();
        var documentWidth = documents.Max(d => d.GetCellWidth());
        var matches = lines.Select(l => ConsoleWidth.Clip(Flat(l.Match), 24, fromEnd: false)).ToList();
        var matchWidth = matches.Max(m => m.GetCellWidth());
        var side = Math.Max(4, (width - 2 - documentWidth - 2 - matchWidth - 2) / 2);
        for (var i = 0; i < lines.Count; i++)
        {
            var left = ConsoleWidth.Clip(lines[i].Left, side, fromEnd: true);
            var right = ConsoleWidth.Clip(lines[i].Right, side, fromEnd: false);
            yield return $"  {ConsoleWidth.Pad(documents[i], documentWidth)}  {new string(' ', side - left.GetCellWidth())}{left} {ConsoleWidth.Pad(matches[i], matchWidth)} {right}".TrimEnd();
        }
    }

    private static string Flat(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
