using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp merge</c>: the reports of a split run, from its shards' partial results.</summary>
[CommandWords("merge", 20, "Combine the partial results of the shards of a split run (analyze --shard I/N) into the reports of a single run.")]
[CommandExample("run/shard-0", "run/shard-1", "run/shard-2", "run/shard-3", "--out", "reports")]
[CommandExample("run/shard-*", "--out", "reports", "--evidence-parts")]
internal sealed class MergeCommand : Command<MergeCommand.Settings>
{
    /// <summary>The size of copied evidence above which the merge suggests listing it instead.</summary>
    private const long CopyHint = 1_000_000_000;

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

        /// <summary>List the shards' evidence instead of copying it.</summary>
        [CommandOption("--evidence-parts")]
        [Description("Leave the evidence in the shards' folders: write evidence_parts.csv (their byte ranges, in order) instead of copying them into evidence.csv, which 'cpnlp evidence assemble' writes later. Fast for large runs; keep the shards' folders in place")]
        public bool EvidenceParts { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var result = new ShardMerger().Merge(settings.Shards, settings.Out, new MergeOptions(settings.Xlsx, settings.EvidenceParts), cancellationToken);
        CommandOutput.Problems(streams, result.Problems);
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Merged {settings.Shards.Length} shard(s): {result.Documents} document(s), {result.Tokens:N0} tokens, in {result.Elapsed.TotalSeconds:F1} s."));
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        if (settings.EvidenceParts)
        {
            streams.Out.WriteLine($"The evidence stays in the shards' folders: keep them in place, and run 'cpnlp evidence assemble {settings.Out}' for one {ReportFiles.Evidence}.");
        }
        else if (result.Reports.FirstOrDefault(r => Path.GetFileName(r) == ReportFiles.Evidence) is { } evidence && new FileInfo(evidence).Length > CopyHint)
        {
            streams.Out.WriteLine($"Copying the evidence took most of this merge: with --evidence-parts, the merged folder lists the shards' evidence instead ('cpnlp evidence assemble' writes {ReportFiles.Evidence} when needed).");
        }

        return CommandOutput.Finish(streams, result.Problems);
    }
}
