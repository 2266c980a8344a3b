using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp evidence assemble</c>: the <c>evidence.csv</c> of a merge that left the evidence in the shards' folders.</summary>
[CommandWords("evidence assemble", 30, "Write evidence.csv in a merged folder that lists the shards' evidence (merge's default, --evidence parts), from the shards' evidence files (checked against their checksums).")]
[CommandExample("reports")]
internal sealed class EvidenceAssembleCommand : Command<EvidenceAssembleCommand.Settings>
{
    /// <summary>The options of <c>evidence assemble</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>The merged folder.</summary>
        [CommandArgument(0, "<folder>")]
        [Description("The --out folder of a merge that left the evidence in the shards' folders (--evidence parts, the default)")]
        public string Folder { get; init; } = string.Empty;
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var result = new EvidenceAssembler().Assemble(settings.Folder, cancellationToken);
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Assembled {result.Path}: {result.Bytes:N0} bytes from {result.Parts:N0} part(s) of {result.Files:N0} shard file(s), each checked against its checksum, in {result.Elapsed.TotalSeconds:F1} s."));
        return ExitCodes.Success;
    }
}
