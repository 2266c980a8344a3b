using System.ComponentModel;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;
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
                throw new OptionsException($"--count {Count} is below 1.", "Ask for at least one passage, for example --count 50.");
            }

            ClassifyCommand.ParseUnit(Unit);
        });
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        DocumentSource.RefuseOutputInside(settings.Inputs, settings.Out);
        var model = ThemeModel.Load(settings.Model ?? ThemeModel.DefaultPath);
        var unit = ClassifyCommand.ParseUnit(settings.Unit);
        var source = new DocumentSource(settings.Ingestion.Excluding(settings.Out));
        var problems = new ProblemLog();
        var files = source.Discover(settings.Inputs, problems);
        if (files.Count == 0)
        {
            throw source.NothingFound(settings.Inputs, problems.Skipped);
        }

        var documents = source.Read(files, problems, cancellationToken).ToList();
        if (documents.Count == 0)
        {
            throw DocumentSource.NoneRead(files.Count, problems.Skipped);
        }

        var classified = new DocumentClassifier(model, unit).Classify(documents, cancellationToken).ToList();
        var languages = classified.ToDictionary(c => c.Document.Id, c => c.Document.Metadata.Language ?? "und", StringComparer.Ordinal);
        var chosen = UncertaintySampler.Select(classified.SelectMany(c => c.Passages), model, settings.Count);
        SuggestionWriter.Write(settings.Out, model, chosen, languages);
        var streams = CliStreams.Current;
        CommandOutput.Problems(streams, problems.All);
        streams.Out.WriteLine($"Wrote {chosen.Count} passages to label to {settings.Out} (from {classified.Sum(c => c.Passages.Count)} {settings.Unit}s of {documents.Count} documents).");
        streams.Out.WriteLine("Correct the 'themes' column (ids separated by ';', empty for none), then retrain:");
        streams.Out.WriteLine($"  cpnlp train --labels YOUR_LABELS.csv --labels {settings.Out}");
        return CommandOutput.Finish(streams, problems.All, "see above");
    }
}
