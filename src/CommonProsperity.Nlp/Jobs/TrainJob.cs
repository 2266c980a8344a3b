using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>train</c>: a theme classifier from labelled passages, cross-validated by document, optionally scored
/// on held-out labels, written as one model file (and the cross-validation reports when asked for).
/// </summary>
/// <param name="lexicon">The lexicon whose hits are features; stored in the model.</param>
/// <param name="lexiconCsv">The lexicon as the project's CSV, as stored in the model.</param>
public sealed class TrainJob(Lexicon lexicon, string lexiconCsv)
{
    private readonly Lexicon _lexicon = lexicon ?? throw new ArgumentNullException(nameof(lexicon));
    private readonly string _lexiconCsv = lexiconCsv ?? throw new ArgumentNullException(nameof(lexiconCsv));

    /// <summary>A job with <paramref name="lexicon"/>, stored in the model as the project's CSV.</summary>
    public TrainJob(Lexicon lexicon)
        : this(lexicon, ReferenceEquals(lexicon, DefaultLexicon.Instance) ? DefaultLexicon.ReadText() : LexiconCsvText.From(lexicon))
    {
    }

    /// <summary>Trains, evaluates and writes the model.</summary>
    public TrainResult Run(TrainOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Training);
        var training = options.Training.Validate();
        var themes = options.Themes ?? _lexicon.Themes;
        var labels = LabelSet.Load(options.Labels, themes);
        var result = new ThemeClassifierTrainer(training).Train(labels, _lexiconCsv, themes, cancellationToken);
        var model = result.Model;
        var warnings = new List<string>();
        if (options.EvaluateOn is not null)
        {
            var held = LabelSetReader.Read(options.EvaluateOn, [.. themes.Union(Codebook.Themes.Select(t => t.Id), StringComparer.Ordinal)]);
            var trainedTexts = result.Passages.Select(p => LabelSet.Key(p.Text)).ToHashSet(StringComparer.Ordinal);
            var overlap = held.Count(p => trainedTexts.Contains(LabelSet.Key(p.Text)));
            if (overlap > 0)
            {
                warnings.Add($"{overlap} passage(s) of {options.EvaluateOn} are also in the training labels; the figures on it are not those of new documents.");
            }

            model = model.WithEvaluation(options.EvaluateOn, held, new BootstrapOptions(Seed: training.Seed));
        }

        model.Save(options.Output);
        var outOfFold = result.OutOfFold.Select(result.Model.Decide).ToArray();
        var (_, intervals) = ModelEvaluator.Score(result.Model.Themes, result.Passages, outOfFold, new BootstrapOptions(Seed: training.Seed));
        if (options.Report is not null)
        {
            ClassificationReports.WriteCrossValidation(options.Report, result, intervals);
        }

        // The trainer's warnings start with those of the labels.
        return new TrainResult(model, result, intervals, [.. warnings, .. result.Warnings], labels.Warnings.Count);
    }
}
