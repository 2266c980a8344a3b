using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp analyze</c>: theme-frequency reports for files and folders.</summary>
[CommandWords("analyze", 10, "Count the lexicon's themes in files or folders and write CSV reports with the evidence.")]
[CommandExample("corpus/")]
[CommandExample("texts/", "--lexicon", "my_lexicon.csv", "--out", "reports/texts")]
[CommandExample("archive/", "--shard", "0/4", "--out", "run/shard-0")]
internal sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    /// <summary>The options of <c>analyze</c>.</summary>
    public sealed class Settings : ThemeChartSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the reports (created if missing)")]
        [DefaultValue("reports")]
        public string Out { get; init; } = "reports";

        /// <summary>Context width in evidence.</summary>
        [CommandOption("--context <CHARS>")]
        [Description("Characters of context each side of a match in evidence.csv")]
        [DefaultValue(40)]
        public int Context { get; init; } = 40;

        /// <summary>What evidence.csv keeps per match.</summary>
        [CommandOption("--evidence <KIND>")]
        [Description("What evidence.csv keeps per match: full (offsets and the match in its context), offsets (document, theme, term, start, end, sentence: far smaller) or none (its header only)")]
        [DefaultValue("full")]
        public string Evidence { get; init; } = "full";

        /// <summary>Worker count.</summary>
        [CommandOption("--threads <N>")]
        [Description("Documents analysed at once (0 = one per core)")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        /// <summary>This machine's share of a split run.</summary>
        [CommandOption("--shard <I/N>")]
        [Description("Analyse only shard I of N (0 to N-1, by a hash of each file's path) and write partial results for 'cpnlp merge'")]
        public string? Shard { get; init; }

        /// <summary>Leave near-duplicate inputs out.</summary>
        [CommandOption("--dedupe")]
        [Description("Leave near-duplicates out of the counts: a document with the same text as an earlier one, and the repeated blocks of a document that repeats itself (they are reported either way)")]
        public bool Dedupe { get; init; }

        /// <summary>No progress lines.</summary>
        [CommandOption("-q|--quiet")]
        [Description("Print no progress, only warnings and the summary")]
        public bool Quiet { get; init; }

        /// <summary>The library's options for these settings.</summary>
        public AnalysisOptions Options() => new(
            Inputs,
            Out,
            Ingestion,
            Context,
            Threads,
            Charts: !NoCharts,
            Shard: Shard is null ? null : ShardSpec.Parse(Shard),
            Html: !NoHtml,
            Workbook: Xlsx,
            Normalize: !NoNormalize,
            Dedupe: Dedupe,
            Chart: Chart(),
            Evidence: Evidence.Trim().ToLowerInvariant() switch
            {
                "full" => EvidenceMode.Full,
                "offsets" => EvidenceMode.Offsets,
                "none" => EvidenceMode.None,
                _ => throw new OptionsException($"{OptionName.Evidence} {Evidence} is not one of full, offsets and none.", $"Use {OptionName.Evidence} full (the default), offsets or none."),
            });

        /// <inheritdoc />
        public override ValidationResult Validate() => SettingsValidation.Check(() => Options().Validate());
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var lexicon = settings.LoadLexicon();
        var options = settings.Options();
        var progress = settings.Quiet ? null : new InlineProgress<AnalysisProgress>(p =>
            streams.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Documents} documents, {p.Characters / 1e6:F1} M characters, {p.Elapsed.TotalSeconds:F0} s")));
        var result = new AnalysisPipeline(lexicon).Run(options, progress, cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Analysed {result.Documents} document(s), {result.Tokens:N0} tokens, in {result.Elapsed.TotalSeconds:F1} s with the {settings.LexiconName}."));
        CommandOutput.Reports(streams, settings.Out, result.Reports,
            settings.Shard is null ? null : $"Partial results of shard {settings.Shard} in {Path.GetFullPath(settings.Out)} (combine all shards with 'cpnlp merge'):");
        return CommandOutput.Finish(streams, result.Problems);
    }
}
