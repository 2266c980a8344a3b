using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Pipeline;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp analyze</c>: theme-frequency reports for files and folders.</summary>
internal sealed class AnalyzeCommand : Command<AnalyzeCommand.Settings>
{
    /// <summary>The options of <c>analyze</c>.</summary>
    public sealed class Settings : CorpusSettings
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

        /// <summary>Worker count.</summary>
        [CommandOption("--threads <N>")]
        [Description("Documents analysed at once (0 = one per core)")]
        [DefaultValue(0)]
        public int Threads { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var lexicon = settings.LoadLexicon();
        var options = new AnalysisOptions(
            settings.Inputs,
            settings.Out,
            settings.Ingestion,
            settings.Context,
            settings.Threads,
            Charts: !settings.NoCharts);
        var progress = settings.Quiet ? null : new InlineProgress<AnalysisProgress>(p =>
            streams.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {p.Documents} documents, {p.Characters / 1e6:F1} M characters, {p.Elapsed.TotalSeconds:F0} s")));
        var result = new AnalysisPipeline(lexicon).Run(options, progress, cancellationToken);

        foreach (var warning in result.Warnings)
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        foreach (var skip in result.Skipped)
        {
            streams.Error.WriteLine($"skipped: {skip.Reason}");
        }

        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Analysed {result.Documents} document(s), {result.Tokens:N0} tokens, in {result.Elapsed.TotalSeconds:F1} s with the {settings.LexiconName}."));
        streams.Out.WriteLine($"Reports in {Path.GetFullPath(settings.Out)}:");
        foreach (var report in result.Reports)
        {
            streams.Out.WriteLine($"  {Path.GetFileName(report)}");
        }

        if (result.Skipped.Count > 0)
        {
            streams.Out.WriteLine($"{result.Skipped.Count} input(s) were skipped (see above and manifest.json).");
            return ExitCodes.CompletedWithSkips;
        }

        return ExitCodes.Success;
    }
}
