using System.ComponentModel;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp suggest</c>: the passages most worth labelling next (active learning).</summary>
internal sealed class SuggestCommand : Command<SuggestCommand.Settings>
{
    /// <summary>The options of <c>suggest</c>.</summary>
    public sealed class Settings : InputSettings
    {
        /// <summary>The model.</summary>
        [CommandOption("--model <FILE>")]
        [Description("The model file (default: models/themes.model.zip)")]
        public string? Model { get; init; }

        /// <summary>How many.</summary>
        [CommandOption("-n|--count <N>")]
        [Description("How many passages to suggest")]
        [DefaultValue(50)]
        public int Count { get; init; } = 50;

        /// <summary>The unit.</summary>
        [CommandOption("--unit <UNIT>")]
        [Description("What a passage is: sentence, paragraph or document")]
        [DefaultValue("sentence")]
        public string Unit { get; init; } = "sentence";

        /// <summary>The output file.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("The CSV to write, in the labelled-data format")]
        [DefaultValue("reports/suggestions.csv")]
        public string Out { get; init; } = "reports/suggestions.csv";

        /// <inheritdoc />
        public override ValidationResult Validate() => SettingsValidation.Check(() =>
        {
            if (Count < 1)
            {
                throw new OptionsException($"--count {Count} is below 1.", $"Ask for at least one passage, for example --count 50.");
            }

            ClassifyCommand.ParseUnit(Unit);
        });
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var model = ThemeModel.Load(settings.Model ?? ThemeModel.DefaultPath);
        var unit = ClassifyCommand.ParseUnit(settings.Unit);
        var result = new SuggestJob(model).Run(new PassageOptions(settings.Inputs, settings.Out, settings.Ingestion, unit), settings.Count, cancellationToken);
        var streams = CliStreams.Current;
        CommandOutput.Problems(streams, result.Problems);
        streams.Out.WriteLine($"Wrote {result.Written} passages to label to {settings.Out} (from {result.Passages} {settings.Unit}s of {result.Documents} documents).");
        streams.Out.WriteLine("Correct the 'themes' column (ids separated by ';', empty for none), then retrain:");
        streams.Out.WriteLine($"  cpnlp train --labels YOUR_LABELS.csv --labels {settings.Out}");
        return CommandOutput.Finish(streams, result.Problems, "see above");
    }
}
