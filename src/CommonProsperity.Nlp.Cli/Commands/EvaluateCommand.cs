using System.ComponentModel;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp evaluate</c>: a model (and optionally a lexicon) against labelled passages.</summary>
[CommandWords("evaluate", 50, "Score a model (and, with --lexicon, a lexicon) on labelled passages: metrics.csv, predictions.csv, confusions.csv.")]
[CommandExample("--labels", "my_labels.csv", "--lexicon")]
internal sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    /// <summary>The options of <c>evaluate</c>.</summary>
    public sealed class Settings : LabelFileSettings
    {
        /// <summary>The model.</summary>
        [CommandOption("--model <FILE>")]
        [Description("The model file (default: models/themes.model.zip)")]
        public string? Model { get; init; }

        /// <summary>Lexicon comparison.</summary>
        [CommandOption("--lexicon [FILE]")]
        [Description("Also evaluate a lexicon the same way (a passage is positive when a term hits); without FILE, the built-in one")]
        public FlagValue<string>? Lexicon { get; init; }

        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for metrics.csv, predictions.csv and confusions.csv")]
        [DefaultValue("reports/evaluation")]
        public string Out { get; init; } = "reports/evaluation";

        /// <summary>Bootstrap resamples.</summary>
        [CommandOption("--resamples <N>")]
        [Description("Bootstrap resamples of whole documents for the 95% confidence intervals (0: no intervals)")]
        [DefaultValue(1000)]
        public int Resamples { get; init; } = 1000;

        /// <summary>Bootstrap seed.</summary>
        [CommandOption("--seed <N>")]
        [Description("Random seed of the bootstrap (same seed, same intervals)")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        /// <summary>The bootstrap's options.</summary>
        public BootstrapOptions Bootstrap() => new(Resamples, Seed);

        /// <inheritdoc />
        public override ValidationResult Validate() => base.Validate() is { Successful: false } labels ? labels : SettingsValidation.Check(() => Bootstrap().Validate());
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var bootstrap = settings.Bootstrap();
        var modelPath = ModelOption.Path(settings.Model);
        var model = ThemeModel.Load(modelPath);
        Lexicon? lexicon = null;
        if (settings.Lexicon is { IsSet: true } flag)
        {
            lexicon = LexiconOption.Load(flag.Value);
        }

        // Codebook themes the model lacks mean a model for other themes, not a typo in the labels: say so.
        var labels = settings.LoadLabels(streams, [.. model.Themes.Union(Codebook.Themes.Select(t => t.Id), StringComparer.Ordinal)]);
        var passages = labels.Passages;
        var evaluation = new EvaluateJob(model, modelPath).Run(labels, lexicon, bootstrap, settings.Out);
        ModelOption.SayUnclassifiedThemes(streams.Error, model);

        var documents = passages.Select(p => p.Document).Where(d => !string.IsNullOrEmpty(d)).Distinct(StringComparer.Ordinal).Count();
        streams.Out.WriteLine($"{passages.Count} passages of {documents} documents from {settings.Labels}; model {modelPath} ({model.Themes.Count} themes).");
        if (bootstrap.Resamples > 0)
        {
            streams.Out.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"[intervals: 95% percentile bootstrap, {bootstrap.Resamples} resamples of whole documents within each language, seed {bootstrap.Seed}]"));
        }

        streams.Out.WriteLine($"Classifier {MetricsText.MacroSummary(evaluation.Classifier, evaluation.ClassifierIntervals)}");
        if (evaluation.Lexicon is not null)
        {
            streams.Out.WriteLine($"Lexicon    {MetricsText.MacroSummary(evaluation.Lexicon, evaluation.LexiconIntervals)}");
        }

        streams.Out.WriteLine("Classifier:");
        MetricsText.PrintMetrics(streams.Out, evaluation.Classifier, intervals: evaluation.ClassifierIntervals);
        if (evaluation.Lexicon is not null)
        {
            streams.Out.WriteLine($"Lexicon ({lexicon!.Source}):");
            MetricsText.PrintMetrics(streams.Out, evaluation.Lexicon, intervals: evaluation.LexiconIntervals);
        }

        streams.Out.WriteLine($"Details (metrics.csv, predictions.csv, confusions.csv) in {Path.GetFullPath(settings.Out)}.");
        return ExitCodes.Success;
    }
}
