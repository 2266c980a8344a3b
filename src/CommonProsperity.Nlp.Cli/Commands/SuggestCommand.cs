using System.ComponentModel;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp suggest</c>: the passages most worth labelling next (active learning).</summary>
[CommandWords("suggest", 70, "Pick the passages the model is least sure about, for you to label next (active learning).")]
[CommandExample("corpus/", "--count", "50")]
internal sealed class SuggestCommand : Command<SuggestCommand.Settings>
{
    /// <summary>The options of <c>suggest</c>.</summary>
    public sealed class Settings : PassageSettings
    {
        /// <summary>How many.</summary>
        [CommandOption("-n|--count <N>")]
        [Description("How many passages to suggest")]
        [DefaultValue(50)]
        public int Count { get; init; } = 50;

        /// <summary>The output file.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("The CSV to write, in the labelled-data format")]
        [DefaultValue("reports/suggestions.csv")]
        public string Out { get; init; } = "reports/suggestions.csv";

        /// <inheritdoc />
        public override ValidationResult Validate() => Count < 1
            ? ValidationResult.Error($"--count {Count} is below 1. Ask for at least one passage, for example --count 50.")
            : base.Validate();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var model = settings.LoadModel();
        var result = new SuggestJob(model).Run(settings.Passages(settings.Out), settings.Count, cancellationToken);
        CommandOutput.Problems(streams, result.Problems);
        ModelOption.SayUnclassifiedThemes(streams.Error, model);
        streams.Out.WriteLine($"Wrote {result.Written} passages to label to {settings.Out} (from {result.Passages} {settings.Unit}s of {result.Documents} documents).");
        streams.Out.WriteLine("Correct the 'themes' column (ids separated by ';', empty for none), then retrain:");
        streams.Out.WriteLine($"  cpnlp train --labels YOUR_LABELS.csv --labels {settings.Out}");
        return CommandOutput.Finish(streams, result.Problems, "see above");
    }
}
