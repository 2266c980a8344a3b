using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// <c>cpnlp merge</c>: the reports of a split run, from its shards' partial results. By default the evidence
/// stays in the shards' folders (listed, not copied), and the closing lines say so, with the command that
/// writes <c>evidence.csv</c>; <c>--evidence copy</c> copies it for a folder that stands on its own.
/// </summary>
[CommandWords("merge", 20, "Combine the partial results of the shards of a split run (analyze --shard I/N) into the reports of a single run.")]
[CommandExample("run/shard-0", "run/shard-1", "run/shard-2", "run/shard-3", "--out", "reports")]
[CommandExample("run/shard-*", "--out", "reports", "--evidence", "copy")]
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

        /// <summary>Where the evidence goes.</summary>
        [CommandOption("--evidence <WHERE>")]
        [Description("parts (the default): leave the evidence rows in the shards' folders and list them in evidence_parts.csv, so the merge's time follows the documents, not the evidence's size; keep the shards' folders until 'cpnlp evidence assemble' has written evidence.csv. copy: copy them into evidence.csv, for a merged folder that stands on its own (time grows with the evidence)")]
        [DefaultValue("parts")]
        public string Evidence { get; init; } = "parts";

        /// <summary>The former flag for what is now the default (kept so that scripts that use it go on working).</summary>
        [CommandOption("--evidence-parts", IsHidden = true)]
        [Description("The same as --evidence parts (the default)")]
        public bool EvidenceParts { get; init; }

        /// <summary>Also one Excel workbook.</summary>
        [CommandOption("--xlsx")]
        [Description("Also write reports.xlsx: every merged CSV report as a sheet of one Excel workbook (header frozen, numbers as numbers)")]
        public bool Xlsx { get; init; }

        /// <summary>No PNG charts.</summary>
        [CommandOption("--no-charts")]
        [Description("Write the CSV reports only, no PNG charts")]
        public bool NoCharts { get; init; }

        /// <summary>No report.html.</summary>
        [CommandOption("--no-html")]
        [Description("Do not write report.html (the reports as one page to open in a browser)")]
        public bool NoHtml { get; init; }

        /// <summary>The library's options for these settings.</summary>
        /// <exception cref="OptionsException">--evidence is neither parts nor copy, or copy with --evidence-parts.</exception>
        public MergeOptions Options()
        {
            var word = Evidence.Trim().ToLowerInvariant();
            if (word is "full" or "offsets" or "none")
            {
                throw new OptionsException($"--evidence {Evidence} is a choice of analyze: a merge keeps the evidence columns its shards were run with.",
                    $"Give merge --evidence parts (the default: the evidence stays in the shards' folders) or --evidence copy (copied into evidence.csv).");
            }

            var evidence = FlagChoice.Parse("--evidence", Evidence, "a place for the evidence", ("parts", MergeEvidence.Parts), ("copy", MergeEvidence.Copy));
            if (EvidenceParts && evidence == MergeEvidence.Copy)
            {
                throw new OptionsException($"--evidence-parts and --evidence copy contradict each other.", $"Leave out --evidence-parts (listing the parts is the default now).");
            }

            return new MergeOptions(Xlsx, evidence, Charts: !NoCharts, Html: !NoHtml);
        }

        /// <inheritdoc />
        public override ValidationResult Validate() => SettingsValidation.Check(() => Options());
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var options = settings.Options();
        var result = new ShardMerger().Merge(settings.Shards, settings.Out, options, cancellationToken);
        CommandOutput.Problems(streams, result.Problems);
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Merged {settings.Shards.Length} shard(s): {result.Documents} document(s), {result.Tokens:N0} tokens, in {result.Elapsed.TotalSeconds:F1} s."));
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        if (result.ListedEvidenceBytes is { } bytes)
        {
            // The size the merge listed, not the shards' files looked up again after the merge is in place.
            streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{ReportFiles.Evidence} is NOT in {Path.GetFullPath(settings.Out)}: the evidence ({Size(bytes)}, in the shards' {ReportFiles.PartialEvidence} files) stays in the {settings.Shards.Length:N0} shards' folders, listed in {ReportFiles.EvidenceParts}."));
            streams.Out.WriteLine($"Keep the shards' folders in place and unchanged until {ReportFiles.Evidence} is written (checked against the shards' checksums) by:");
            streams.Out.WriteLine($"  {EvidenceAssembler.CommandFor(settings.Out)}");
            streams.Out.WriteLine("(Merge with --evidence copy for a merged folder that holds the evidence itself.)");
        }
        else if (options.Evidence == MergeEvidence.Parts)
        {
            streams.Out.WriteLine($"The shards kept no evidence rows (analyze --evidence none): {ReportFiles.Evidence}, its header only, is in the merged folder, which stands on its own.");
        }
        else
        {
            streams.Out.WriteLine($"The evidence was copied into {ReportFiles.Evidence}: the merged folder stands on its own.");
        }

        return CommandOutput.Finish(streams, result.Problems);
    }

    /// <summary>A size in bytes as people read it: <c>14.1 GB</c>, <c>312.5 MB</c>, <c>2,048 bytes</c>.</summary>
    private static string Size(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:F1} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F1} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
