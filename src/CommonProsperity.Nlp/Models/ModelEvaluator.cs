using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Scores a model on labelled passages. Passages that share a <c>document</c> value share a document
/// profile, as in training; for a passage without one, the model's training-set profile stands in. A lexicon, when given, is scored on
/// the same passages (a passage is positive for a theme when any of its terms match), so the two can
/// be compared side by side. With <see cref="BootstrapOptions"/>, every figure gets a confidence
/// interval from resampling whole documents (<see cref="DocumentBootstrap"/>).
/// </summary>
internal static class ModelEvaluator
{
    /// <summary>Evaluates <paramref name="model"/> (and <paramref name="lexicon"/>) on <paramref name="passages"/>.</summary>
    public static ModelEvaluation Evaluate(ThemeModel model, IReadOnlyList<LabeledPassage> passages, Lexicon? lexicon = null, BootstrapOptions? bootstrap = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(passages);
        var texts = passages.Select(p => p.Text).ToArray();
        var groups = passages.Select(p => p.Document).ToArray();
        var probabilities = model.PredictProbabilities(texts, groups);
        var predicted = probabilities.Select(model.Decide).ToArray();
        var (metrics, intervals) = Score(model.Themes, passages, predicted, bootstrap);

        IReadOnlyList<ThemeMetrics>? lexiconMetrics = null;
        IReadOnlyList<MetricIntervals>? lexiconIntervals = null;
        IReadOnlySet<string>[]? lexiconPredicted = null;
        if (lexicon is not null)
        {
            var matcher = new LexiconMatcher(lexicon);
            lexiconPredicted = texts.Select(t => (IReadOnlySet<string>)matcher.Match(t).Select(h => matcher.Themes[h.Theme]).ToHashSet(StringComparer.Ordinal)).ToArray();
            (lexiconMetrics, lexiconIntervals) = Score(model.Themes, passages, lexiconPredicted, bootstrap);
        }

        return new ModelEvaluation(metrics, probabilities, predicted, lexiconMetrics, lexiconPredicted, intervals, lexiconIntervals);
    }

    /// <summary>Metrics of <paramref name="predicted"/> against the passages' gold themes, with intervals when <paramref name="bootstrap"/> asks for resamples.</summary>
    public static (IReadOnlyList<ThemeMetrics> Metrics, IReadOnlyList<MetricIntervals>? Intervals) Score(
        IReadOnlyList<string> themes, IReadOnlyList<LabeledPassage> passages, IReadOnlyList<IReadOnlySet<string>> predicted, BootstrapOptions? bootstrap)
    {
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(predicted);
        var gold = passages.Select(p => p.Themes).ToArray();
        var languages = passages.Select(p => p.Language ?? "und").ToArray();
        var metrics = MultiLabelEvaluator.Evaluate(themes, gold, predicted, languages);
        var intervals = bootstrap is { Resamples: > 0 }
            ? DocumentBootstrap.Intervals(themes, gold, predicted, languages, passages.Select(p => p.Document).ToArray(), bootstrap)
            : null;
        return (metrics, intervals);
    }
}
