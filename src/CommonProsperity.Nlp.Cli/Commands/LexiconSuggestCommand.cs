using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp lexicon suggest</c>: candidate terms per theme from labelled passages, with their precision and support.</summary>
[CommandWords("lexicon suggest", 170, "Suggest new lexicon terms per theme from labelled passages, with their precision and support.")]
[CommandExample("--labels", "labels.csv")]
internal sealed class LexiconSuggestCommand : Command<LexiconSuggestCommand.Settings>
{
    /// <summary>The options of <c>lexicon suggest</c>.</summary>
    public sealed class Settings : LabelSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for lexicon_suggestions.csv")]
        [DefaultValue("reports/lexicon-suggest")]
        public string Out { get; init; } = "reports/lexicon-suggest";

        /// <summary>Minimum support.</summary>
        [CommandOption("--min-support <N>")]
        [Description("A candidate must occur in at least N passages of the theme")]
        [DefaultValue(3)]
        public int MinSupport { get; init; } = 3;

        /// <summary>Minimum precision.</summary>
        [CommandOption("--min-precision <P>")]
        [Description("At least this share of the passages with the candidate must be labelled with the theme")]
        [DefaultValue(0.6)]
        public double MinPrecision { get; init; } = 0.6;

        /// <summary>Candidates per theme.</summary>
        [CommandOption("--top <N>")]
        [Description("Candidates listed per theme")]
        [DefaultValue(25)]
        public int Top { get; init; } = 25;

        /// <summary>Only candidates that add passages.</summary>
        [CommandOption("--new-only")]
        [Description("List only candidates that catch a passage of the theme the lexicon misses now")]
        public bool NewOnly { get; init; }

        /// <summary>Candidate terms from a file.</summary>
        [CommandOption("--candidates <FILE>")]
        [Description("Score the terms of this CSV's 'term' column (the ngrams.csv or collocations.csv of cpnlp ngrams / collocations) instead of the passages' own words")]
        public string? Candidates { get; init; }

        /// <summary>The library's options for these settings (without the candidates, which are read when the command runs).</summary>
        public SuggestOptions Options() => new(MinSupport, MinPrecision, Top, NewOnly);

        /// <inheritdoc />
        public override ValidationResult Validate() => base.Validate() is { Successful: false } missing ? missing : SettingsValidation.Check(() => Options().Validate());
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.Options() with { Candidates = settings.Candidates is null ? null : CandidateTerms.Load(settings.Candidates) };
        var lexicon = settings.LoadLexicon();
        var labels = settings.LoadLabels(CliStreams.Current, lexicon.Themes);
        var passages = labels.Passages;
        var suggestions = new LexiconSuggestJob(lexicon).Run(labels, options, settings.Out, cancellationToken).Value;

        var o = CliStreams.Current.Out;
        var source = options.Candidates is null ? "" : $" from {options.Candidates.Count} term(s) of {settings.Candidates}";
        o.WriteLine($"{passages.Count} labelled passages, lexicon {settings.Lexicon ?? "built-in"} ({lexicon.Terms.Count} terms): {suggestions.Count} candidate(s){source}.");
        foreach (var theme in lexicon.Themes)
        {
            var top = suggestions.Where(s => s.Theme == theme).Take(6).ToList();
            var list = top.Count == 0 ? "(none)" : string.Join(", ", top.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Term} ({s.Support}/{s.Passages})")));
            o.WriteLine($"  {theme,-18} {list}");
        }

        o.WriteLine($"Each with support/passages; details in {Path.Combine(Path.GetFullPath(settings.Out), ReportFiles.LexiconSuggestions)}.");
        return ExitCodes.Success;
    }
}
