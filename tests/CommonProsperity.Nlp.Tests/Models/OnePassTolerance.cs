using System.IO.Compression;
using CommonProsperity.Nlp.Models;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CommonProsperity.Nlp.Tests.Models;

/// <summary>
/// How far the model's one-pass probabilities (<c>LinearTheme.Probability</c>) may be from ML.NET's transformers'
/// for the same passage, from float32 arithmetic alone, worked out here from the model file's own ML.NET parts
/// (its featurizer and each theme's calibrated logistic regression), not from the code under test.
/// </summary>
internal static class OnePassTolerance
{
    /// <summary>
    /// For each passage and theme (in <see cref="ThemeModel.Themes"/> order) of the model saved at
    /// <paramref name="path"/>: ML.NET forms the n products and adds them to the bias in float32, in an order of
    /// its own, each step off by at most u = 2^-24 relative, so its score is off by at most γ(n+1)·(|b| + Σ|w·x|)
    /// with γ(k) = k·u / (1 − k·u) (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1 and
    /// §4.2); the one-pass scorer adds in double and rounds the score to float once (u·|score|). The calibration
    /// scales a score difference by at most |slope|/4 (the sigmoid is steepest at 1/2), and each side rounds its
    /// probability to float once, half a unit in the last place each (at most 2^-25 below 1): u in all.
    /// </summary>
    public static double[][] Of(string path, IReadOnlyList<string> texts, IReadOnlyList<string?> groups)
    {
        var model = ThemeModel.Load(path);
        var ml = new MLContext(seed: 42);
        using var zip = ZipFile.OpenRead(path);
        var featurizer = Load(ml, zip, "featurizer.zip");
        var themes = model.Themes.Select(theme => Linear(Load(ml, zip, $"themes/{theme}.zip"))).ToArray();
        var rows = model.Featurizer.Featurize(texts, groups, model.Card.UnknownDocumentProfile);
        var features = featurizer.Transform(ml.Data.LoadFromEnumerable(rows, model.Featurizer.SchemaFor()));
        var result = new List<double[]>(rows.Count);
        foreach (var vector in features.GetColumn<VBuffer<float>>("Features"))
        {
            result.Add([.. themes.Select(theme => Bound(theme, vector))]);
        }

        return [.. result];
    }

    private static double Bound((float[] Weights, float Bias, double Slope) theme, VBuffer<float> vector)
    {
        const double u = 1.0 / (1 << 24);
        var values = vector.GetValues();
        var indices = vector.GetIndices();
        double score = theme.Bias;
        double magnitude = Math.Abs(theme.Bias);
        var terms = 1;
        for (var k = 0; k < values.Length && (!vector.IsDense || k < theme.Weights.Length); k++)
        {
            var product = (double)values[k] * theme.Weights[vector.IsDense ? k : indices[k]];
            score += product;
            magnitude += Math.Abs(product);
            terms++;
        }

        var gamma = terms * u / (1 - (terms * u));
        return (Math.Abs(theme.Slope) / 4 * ((gamma * magnitude) + (u * Math.Abs(score)))) + u;
    }

    private static (float[] Weights, float Bias, double Slope) Linear(ITransformer predictor)
    {
        var linear = Assert.IsAssignableFrom<ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>>>(predictor).Model;
        return (linear.SubModel.Weights.ToArray(), linear.SubModel.Bias, linear.Calibrator.Slope);
    }

    private static ITransformer Load(MLContext ml, ZipArchive zip, string entry)
    {
        using var part = zip.GetEntry(entry)!.Open();
        var bytes = new MemoryStream();
        part.CopyTo(bytes);
        bytes.Position = 0;
        return ml.Model.Load(bytes, out _);
    }
}
