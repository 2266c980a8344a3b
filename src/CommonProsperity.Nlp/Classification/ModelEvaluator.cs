using CommonProsperity.Nlp.Lexicons;

namespace CommonProsperity.Nlp.Classification;

/// <summary>
/// Scores a model on labelled passages. Passages that share a <c>document</c> value share a document
/// profile, as in training; for a passage without one, the model's training-set profile stands in. A lexicon, when given, is scored on
/// the same passages (a passage is positive for a theme when any of its terms match), so the two can
/// be compared side by side.
/// </summary>
public static class ModelEvaluator
{
    /// <summary>Evaluates <paramref name="model"/> (and <paramref name="lexicon"/>) on <paramref name="passages"/>.</summary>
    public static ModelEvaluation Evaluate(ThemeModel model, IReadOnlyList<LabeledPassage> passages, Lexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(passages);
        var texts = passages.Select(p => p.Text).ToArray();
        var groups = passages.Select(p => p.Document).ToArray();
        var probabilities = model.PredictProbabilities(texts, groups);
        var predicted = probabilities.Select(model.Decide).ToArray();
        var gold = passages.Select(p => p.Themes).ToArray();
        var languages = passages.Select(p => p.Language ?? "und").ToArray();
        var metrics = MultiLabelEvaluator.Evaluate(model.Themes, gold, predicted, languages);

        IReadOnlyList<ThemeMetrics>? lexiconMetrics = null;
        IReadOnlySet<string>[]? lexiconPredicted = null;
        if (lexicon is not null)
        {
            var matcher = new LexiconMatcher(lexicon);
            lexiconPredicted = texts.Select(t => (IReadOnlySet<string>)matcher.Match(t).Select(h => matcher.Themes[h.Theme]).ToHashSet(StringComparer.Ordinal)).ToArray();
            lexiconMetrics = MultiLabelEvaluator.Evaluate(model.Themes, gold, lexiconPredicted, languages);
        }

        return new ModelEvaluation(metrics, probabilities, predicted, lexiconMetrics, lexiconPredicted);
    }
}
