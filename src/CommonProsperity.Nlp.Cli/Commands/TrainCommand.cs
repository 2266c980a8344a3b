using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp train</c>: a theme classifier from labelled passages.</summary>
[CommandWords("train", 40, "Train theme classifiers from labelled passages (one per theme), with cross-validated thresholds and metrics.")]
[CommandExample("--labels", "../shared/labels/train.csv", "--out", "models/themes.model.zip")]
internal sealed class TrainCommand : Command<TrainCommand.Settings>
{
    /// <summary>The options of <c>train</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Label files.</summary>
        [CommandOption("--labels <FILE>", isRequired: true)]
        [Description("Labelled passages (CSV: text, themes; optional id, document, lang). Repeat to merge several files")]
        public string[] Labels { get; init; } = [];

        /// <summary>More label files after the first (so that <c>--labels a.csv b.csv</c> merges both).</summary>
        [CommandArgument(0, "[more-labels]")]
        [Description("More label files to merge with those given to --labels")]
        public string[] MoreLabels { get; init; } = [];

        /// <summary>The model file to write.</summary>
        [CommandOption("-o|--out <FILE>")]
        [Description("The model file to write")]
        [DefaultValue("models/themes.model.zip")]
        public string Out { get; init; } = "models/themes.model.zip";

        /// <summary>Theme ids.</summary>
        [CommandOption("--themes <IDS>")]
        [Description("Comma-separated theme ids to train (default: the lexicon's themes)")]
        public string? Themes { get; init; }

        /// <summary>Lexicon for features.</summary>
        [CommandOption("--lexicon <FILE>")]
        [Description("The lexicon whose theme hits are features (default: the built-in one); stored in the model")]
        public string? Lexicon { get; init; }

        /// <summary>Folds.</summary>
        [CommandOption("--folds <N>")]
        [Description("Cross-validation folds, grouped by document")]
        [DefaultValue(5)]
        public int Folds { get; init; } = 5;

        /// <summary>Seed.</summary>
        [CommandOption("--seed <N>")]
        [Description("Random seed")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        /// <summary>Trainer.</summary>
        [CommandOption("--trainer <NAME>")]
        [Description("The binary trainer per theme: lbfgs, sdca or fasttree")]
        [DefaultValue("lbfgs")]
        public string Trainer { get; init; } = "lbfgs";

        /// <summary>Feature groups.</summary>
        [CommandOption("--features <LIST>")]
        [Description("Comma-separated feature groups: words, chars, subwords, lexicon, context")]
        [DefaultValue("lexicon,context")]
        public string Features { get; init; } = "lexicon,context";

        /// <summary>L2.</summary>
        [CommandOption("--l2 <X>")]
        [Description("L2 regularisation of the logistic regressions (larger: simpler models)")]
        [DefaultValue(1f)]
        public float L2 { get; init; } = 1f;

        /// <summary>Threshold shrink.</summary>
        [CommandOption("--threshold-shrink <X>")]
        [Description("Share of the cross-validated threshold's move away from 0.5 that is kept (1: as tuned, 0: 0.5)")]
        [DefaultValue(1.0)]
        public double ThresholdShrink { get; init; } = 1.0;

        /// <summary>Held-out labels to score on.</summary>
        [CommandOption("--evaluate-on <FILE>")]
        [Description("Labelled passages of other documents (a dev set) to score the finished model and its lexicon on, with 95% intervals; never trained on. The figures lead the model card")]
        public string? EvaluateOn { get; init; }

        /// <summary>Report folder.</summary>
        [CommandOption("--report <DIR>")]
        [Description("Also write cv_metrics.csv and cv_predictions.csv (out-of-fold, with fold numbers) to this folder")]
        public string? Report { get; init; }
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var options = new TrainingOptions(settings.Folds, settings.Seed, L2: settings.L2, Trainer: TrainingOptions.ParseTrainer(settings.Trainer),
            Features: TrainingOptions.ParseFeatures(settings.Features), ThresholdShrink: settings.ThresholdShrink).Validate();
        var lexicon = settings.Lexicon is null ? DefaultLexicon.Instance : LexiconLoader.Load(settings.Lexicon);
        IReadOnlyList<string>? themes = settings.Themes is null
            ? null
            : settings.Themes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => t.ToLowerInvariant()).ToArray();
        if (themes is { Count: 0 })
        {
            throw new OptionsException($"--themes names no theme.", $"Give comma-separated theme ids, for example --themes inequality,control.");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var trained = new TrainJob(lexicon).Run(
            new TrainOptions([.. settings.Labels, .. settings.MoreLabels], settings.Out, options, themes, settings.EvaluateOn, settings.Report), cancellationToken);
        var heldWarnings = trained.Warnings.Count - trained.Training.Warnings.Count;
        foreach (var warning in trained.Warnings.Take(heldWarnings))
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        // The trainer's warnings start with those of the labels; only those can run into thousands.
        CommandOutput.LabelWarnings(streams, [.. trained.Training.Warnings.Take(trained.LabelWarnings)]);
        foreach (var warning in trained.Training.Warnings.Skip(trained.LabelWarnings))
        {
            streams.Error.WriteLine($"warning: {warning}");
        }

        var card = trained.Model.Card;
        var intervals = trained.Intervals;
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained {card.Themes.Count} theme classifier(s) on {card.Passages} passages in {clock.Elapsed.TotalSeconds:F1} s; model written to {settings.Out}."));
        if (card.Evaluation is { } dev)
        {
            streams.Out.WriteLine($"On {dev.Labels} ({dev.Passages} passages of {dev.Documents} documents, not trained on; 95% intervals from {dev.Resamples} document resamples):");
            streams.Out.WriteLine($"  classifier {MetricsText.MacroSummary(dev.Classifier, dev.ClassifierIntervals)}");
            streams.Out.WriteLine($"  lexicon    {MetricsText.MacroSummary(dev.Lexicon, dev.LexiconIntervals)}");
        }

        streams.Out.WriteLine($"Cross-validated ({card.Folds} folds grouped by document, thresholds chosen on the same out-of-fold scores, so optimistic; "
            + "95% intervals from 1000 resamples of whole documents):");
        streams.Out.WriteLine($"  {MetricsText.MacroSummary(card.CrossValidation, intervals)}");
        MetricsText.PrintMetrics(streams.Out, card.CrossValidation, card.Themes.ToDictionary(t => t.Id, t => t.Threshold), intervals);
        return ExitCodes.Success;
    }
}
