using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp merge</c>: the reports of a split run, from its shards' partial results.</summary>
internal sealed class MergeCommand : Command<MergeCommand.Settings>
{
    /// <summary>The options of <c>merge</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The shards' output folders.</summary>
        [CommandArgument(0, "<shards>")]
        [Description("The --out folders of the shard runs (analyze --shard I/N), all N of them")]
        public string[] Shards { get; init; } = [];

        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the merged reports (created if missing)")]
        [DefaultValue("reports")]
        public string Out { get; init; } = "reports";

        /// <summary>Also one Excel workbook.</summary>
        [CommandOption("--xlsx")]
        [Description("Also write reports.xlsx: every merged CSV report as a sheet of one Excel workbook (header frozen, numbers as numbers)")]
        public bool Xlsx { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var result = new ShardMerger().Merge(settings.Shards, settings.Out, settings.Xlsx, cancellationToken);
        CommandOutput.Problems(streams, result.Problems);
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Merged {settings.Shards.Length} shard(s): {result.Documents} document(s), {result.Tokens:N0} tokens, in {result.Elapsed.TotalSeconds:F1} s."));
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
