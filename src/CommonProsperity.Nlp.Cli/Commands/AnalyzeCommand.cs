using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Lexicons;
using CommonProsperity.Nlp.Pipeline;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp analyze</c>: theme-frequency reports for files and folders.</summary>
internal sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    /// <summary>The options of <c>analyze</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Files or folders to analyse.</summary>
        [CommandArgument(0, "<inputs>")]
        [Description("Files or folders (read recursively): .txt .md .html .htm .pdf .csv")]
        public string[] Inputs { get; init; } = [];

        /// <summary>A lexicon file instead of the built-in one.</summary>
        [CommandOption("--lexicon <FILE>")]
        [Description("A lexicon (CSV with theme,term columns, or a LIWC .dic) instead of the built-in one")]
        public string? Lexicon { get; init; }

        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the reports (created if missing)")]
        [DefaultValue("reports")]
        public string Out { get; init; } = "reports";

        /// <summary>The CSV text column.</summary>
        [CommandOption("--text-column <NAME>")]
        [Description("For .csv inputs: the column holding the text")]
        [DefaultValue("text")]
        public string TextColumn { get; init; } = "text";

        /// <summary>The CSV id column.</summary>
        [CommandOption("--id-column <NAME>")]
        [Description("For .csv inputs: the column holding each row's id (default: row numbers)")]
        public string? IdColumn { get; init; }

        /// <summary>Context width in evidence.</summary>
        [CommandOption("--context <CHARS>")]
        [Description("Characters of context each side of a match in evidence.csv")]
        [DefaultValue(40)]
        public int Context { get; init; } = 40;

        /// <summary>Worker count.</summary>
        [CommandOption("--threads <N>")]
        [Description("Documents analysed at once (0 = one per core)")]
        [DefaultValue(0)]
        public int Threads { get; init; }

        /// <summary>This machine's share of a split run.</summary>
        [CommandOption("--shard <I/N>")]
        [Description("Analyse only shard I of N (0 to N-1, by a hash of each file's path) and write partial results for 'cpnlp merge'")]
        public string? Shard { get; init; }

        /// <summary>No progress lines.</summary>
        [CommandOption("-q|--quiet")]
        [Description("Print no progress, only warnings and the summary")]
        public bool Quiet { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var lexicon = settings.Lexicon is null ? DefaultLexicon.Instance : LexiconLoader.Load(settings.Lexicon);
        var options = new AnalysisOptions(
            settings.Inputs,
            settings.Out,
            new IngestionOptions(settings.TextColumn, settings.IdColumn),
            settings.Context,
            settings.Threads,
            settings.Shard is null ? null : ShardSpec.Parse(settings.Shard));
        var progress = settings.Quiet ? null : new InlineProgress<AnalysisProgress>(p =>
            streams.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Documents} documents, {p.Characters / 1e6:F1} M characters, {p.Elapsed.TotalSeconds:F0} s")));
        var result = new AnalysisPipeline(lexicon).Run(options, progress, cancellationToken);

        return RunSummary.Print(
            streams,
            result,
            string.Create(CultureInfo.InvariantCulture,
                $"Analysed {result.Documents} document(s), {result.Tokens:N0} tokens, in {result.Elapsed.TotalSeconds:F1} s with the {(settings.Lexicon is null ? "built-in lexicon" : "lexicon " + settings.Lexicon)}."),
            settings.Shard is null
                ? $"Reports in {Path.GetFullPath(settings.Out)}:"
                : $"Partial results of shard {settings.Shard} in {Path.GetFullPath(settings.Out)} (combine all shards with 'cpnlp merge'):");
    }
}
