using CommonProsperity.Nlp.Counting;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Trains the multi-label theme classifier: ML.NET has no multi-label trainer, so one binary
/// L-BFGS logistic regression per theme over shared features (<see cref="PassageFeaturizer"/>).
/// Thresholds are chosen per theme on out-of-fold probabilities from cross-validation whose folds are
/// grouped by document, so that they (and the reported metrics) reflect documents the model has not
/// seen; the final models are then fitted on every passage.
/// </summary>
internal sealed class ThemeClassifierTrainer(TrainingOptions options)
{
    private readonly TrainingOptions _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();

    /// <summary>Trains on <paramref name="labels"/> with the lexicon in <paramref name="lexiconCsv"/> for features.</summary>
    public TrainingResult Train(LabelSet labels, string lexiconCsv, IReadOnlyList<string> themes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(themes);
        var ml = new MLContext(_options.Seed);
        var lexicon = LexiconLoader.FromCsvText(lexiconCsv, "model lexicon");
        var featurizer = new PassageFeaturizer(new LexiconMatcher(lexicon));
        var passages = labels.Passages;
        var warnings = new List<string>(labels.Warnings);

        var trained = new List<string>();
        var skipped = new List<string>();
        foreach (var theme in themes)
        {
            var positives = passages.Count(p => p.Themes.Contains(theme));
            if (positives < _options.MinPositives)
            {
                var reason = $"theme '{theme}' has {positives} positive passage(s), fewer than {_options.MinPositives}; it was not trained (a classifier from so few examples would be meaningless). Label more passages with it.";
                warnings.Add(reason);
                skipped.Add(reason);
            }
            else
            {
                trained.Add(theme);
            }
        }

        var texts = passages.Select(p => p.Text).ToArray();
        var groups = passages.Select(p => p.Document).ToArray();
        var unknownProfile = featurizer.OverallProfile(texts);
        var baseRows = featurizer.Featurize(texts, groups, unknownProfile);
        var folds = AssignFolds(passages.Select((p, i) => string.IsNullOrEmpty(p.Document) ? "#passage" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) : p.Document).ToArray(), _options.Folds);

        // Out-of-fold probabilities for thresholds and honest metrics.
        var outOfFold = passages.Select(_ => new float[trained.Count]).ToArray();
        for (var fold = 0; fold < _options.Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trainIndex = Enumerable.Range(0, passages.Count).Where(i => folds[i] != fold).ToArray();
            var testIndex = Enumerable.Range(0, passages.Count).Where(i => folds[i] == fold).ToArray();
            if (testIndex.Length == 0)
            {
                continue;
            }

            var (foldFeaturizer, foldPredictors, _, _) = Fit(ml, featurizer, baseRows, passages, trainIndex, trained);
            var foldModel = new ThemeModel(ml, Card(trained.Select(t => new ModelTheme(t, 0.5, 0)).ToArray(), [], lexicon, labels, passages, [], unknownProfile), lexiconCsv, foldFeaturizer, foldPredictors);
            var probabilities = foldModel.PredictRows(testIndex.Select(i => baseRows[i]).ToArray());
            for (var k = 0; k < testIndex.Length; k++)
            {
                outOfFold[testIndex[k]] = probabilities[k];
            }
        }

        var modelThemes = trained.Select((theme, t) => new ModelTheme(theme, BestThreshold(passages, outOfFold, t, theme), passages.Count(p => p.Themes.Contains(theme)))).ToArray();
        var gold = passages.Select(p => (IReadOnlySet<string>)p.Themes).ToArray();
        var predicted = outOfFold.Select(p => (IReadOnlySet<string>)modelThemes.Where((m, t) => p[t] >= m.Threshold).Select(m => m.Id).ToHashSet(StringComparer.Ordinal)).ToArray();
        var metrics = MultiLabelEvaluator.Evaluate(trained, gold, predicted, passages.Select(p => p.Language ?? "und").ToArray());

        cancellationToken.ThrowIfCancellationRequested();
        var (finalFeaturizer, finalPredictors, inputSchema, featurizedSchema) = Fit(ml, featurizer, baseRows, passages, Enumerable.Range(0, passages.Count).ToArray(), trained);
        var card = Card(modelThemes, skipped, lexicon, labels, passages, metrics, unknownProfile);
        var model = new ThemeModel(ml, card, lexiconCsv, finalFeaturizer, finalPredictors);
        model.SchemasForSave = (featurizedSchema, inputSchema);
        return new TrainingResult(model, passages, folds, outOfFold, warnings);
    }

    /// <summary>
    /// Folds grouped by document: documents, largest first, each go to the fold with the fewest passages
    /// so far (ties to the lower fold), so a document never has passages on both sides of a split.
    /// </summary>
    public static int[] AssignFolds(IReadOnlyList<string> groups, int folds)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var sizes = new int[folds];
        var foldOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in groups.GroupBy(g => g, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var target = Array.IndexOf(sizes, sizes.Min());
            foldOf[group.Key] = target;
            sizes[target] += group.Count();
        }

        return groups.Select(g => foldOf[g]).ToArray();
    }

    private (ITransformer Featurizer, ITransformer[] Predictors, Microsoft.ML.DataViewSchema InputSchema, Microsoft.ML.DataViewSchema FeaturizedSchema) Fit(
        MLContext ml, PassageFeaturizer featurizer, IReadOnlyList<PassageRow> rows, IReadOnlyList<LabeledPassage> passages, int[] index, IReadOnlyList<string> themes)
    {
        var schema = featurizer.SchemaFor();
        var trainRows = index.Select(i => rows[i]).ToArray();
        var data = ml.Data.LoadFromEnumerable(trainRows, schema);
        var fitted = PassageFeaturizer.Pipeline(ml, _options.Features).Fit(data);
        var predictors = new ITransformer[themes.Count];
        Microsoft.ML.DataViewSchema? featurizedSchema = null;
        for (var t = 0; t < themes.Count; t++)
        {
            var theme = themes[t];
            var labelled = index.Select(i => new PassageRow
            {
                Text = rows[i].Text,
                Tokens = rows[i].Tokens,
                Subwords = rows[i].Subwords,
                Lexicon = rows[i].Lexicon,
                Context = rows[i].Context,
                Label = passages[i].Themes.Contains(theme),
            }).ToArray();
            var features = fitted.Transform(ml.Data.LoadFromEnumerable(labelled, schema));
            featurizedSchema ??= features.Schema;
            var trainer = Trainer(ml);
            predictors[t] = trainer.Fit(features);
        }

        return (fitted, predictors, data.Schema, featurizedSchema!);
    }

    private IEstimator<ITransformer> Trainer(MLContext ml)
    {
        const string label = nameof(PassageRow.Label);
        return _options.Trainer switch
        {
            ClassifierTrainerKind.Sdca => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = "Features",
                L2Regularization = _options.L2,
                L1Regularization = 0,
                NumberOfThreads = 1,
                Shuffle = false,
            }),
            ClassifierTrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = "Features",
                NumberOfTrees = 100,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 5,
                LearningRate = 0.1,
                NumberOfThreads = 1,
                FeatureFraction = 1,
            }),
            _ => ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = label,
                FeatureColumnName = "Features",
                L2Regularization = _options.L2,
                L1Regularization = 0,
                NumberOfThreads = 1,
            }),
        };
    }

    private double BestThreshold(IReadOnlyList<LabeledPassage> passages, IReadOnlyList<float[]> outOfFold, int t, string theme)
    {
        var optimum = OutOfFoldOptimum(passages, outOfFold, t, theme);
        return _options.ThresholdShrink >= 1 ? optimum : Math.Round(0.5 + (_options.ThresholdShrink * (optimum - 0.5)), 4);
    }

    private static double OutOfFoldOptimum(IReadOnlyList<LabeledPassage> passages, IReadOnlyList<float[]> outOfFold, int t, string theme)
    {
        var best = 0.5;
        var bestF1 = -1.0;
        for (var step = 5; step <= 95; step++)
        {
            var threshold = step / 100.0;
            int tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < passages.Count; i++)
            {
                var gold = passages[i].Themes.Contains(theme);
                var hit = outOfFold[i][t] >= threshold;
                if (gold && hit)
                {
                    tp++;
                }
                else if (hit)
                {
                    fp++;
                }
                else if (gold)
                {
                    fn++;
                }
            }

            var f1 = ThemeMetrics.From(theme, "all", tp, fp, fn).F1;
            if (f1 > bestF1 + 1e-9)
            {
                bestF1 = f1;
                best = threshold;
            }
        }

        return best;
    }

    private string TrainerDescription()
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        var trainer = _options.Trainer switch
        {
            ClassifierTrainerKind.Sdca => string.Create(invariant, $"ML.NET SDCA logistic regression per theme (L2 {_options.L2})"),
            ClassifierTrainerKind.FastTree => "ML.NET FastTree boosted trees per theme (100 trees, 16 leaves, Platt-calibrated)",
            _ => string.Create(invariant, $"ML.NET L-BFGS logistic regression per theme (L2 {_options.L2})"),
        };
        return trainer + (_options.ThresholdShrink >= 1
            ? ", thresholds maximising cross-validated F1"
            : string.Create(invariant, $", thresholds maximising cross-validated F1, shrunk toward 0.5 (kept {_options.ThresholdShrink:0.##} of the move)"));
    }

    private ModelCard Card(IReadOnlyList<ModelTheme> themes, IReadOnlyList<string> skipped, Lexicon lexicon, LabelSet labels, IReadOnlyList<LabeledPassage> passages, IReadOnlyList<ThemeMetrics> metrics, float[] unknownProfile)
    {
        var counts = passages.SelectMany(p => p.Themes.Select(t => (Theme: t, Lang: p.Language ?? "und")))
            .GroupBy(x => x).OrderBy(g => Codebook.OrderOf(g.Key.Theme)).ThenBy(g => g.Key.Theme, StringComparer.Ordinal).ThenBy(g => g.Key.Lang, StringComparer.Ordinal)
            .Select(g => new LabelCount(g.Key.Theme, g.Key.Lang, g.Count())).ToArray();
        return new ModelCard(ModelCard.CurrentFormat, ToolVersion.Current, themes, skipped, lexicon.Sha256, labels.Files, passages.Count, counts, metrics,
            _options.Folds, _options.Seed,
            TrainerDescription(),
            TrainingOptions.DescribeFeatures(_options.Features),
            unknownProfile);
    }
}
