using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// One theme's calibrated logistic regression read out of its ML.NET transformer (weights, bias and
/// Platt calibration), so that all themes can be scored in one pass over the feature vectors instead
/// of one ML.NET pass per theme. Gives the same probabilities as the transformer (tested).
/// </summary>
internal sealed class LinearTheme
{
    private readonly float[] _weights;
    private readonly float _bias;
    private readonly double _slope;
    private readonly double _offset;

    private LinearTheme(float[] weights, float bias, double slope, double offset)
    {
        _weights = weights;
        _bias = bias;
        _slope = slope;
        _offset = offset;
    }

    /// <summary>The length of the feature vectors it was trained on.</summary>
    public int Dimension => _weights.Length;

    /// <summary>Reads every predictor, or returns null if any is not a calibrated linear model.</summary>
    public static LinearTheme[]? TryExtract(IReadOnlyList<ITransformer> predictors)
    {
        var result = new LinearTheme[predictors.Count];
        for (var t = 0; t < predictors.Count; t++)
        {
            if (predictors[t] is not ISingleFeaturePredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> linear)
            {
                return null;
            }

            var model = linear.Model;
            result[t] = new LinearTheme(model.SubModel.Weights.ToArray(), model.SubModel.Bias, model.Calibrator.Slope, model.Calibrator.Offset);
        }

        return result;
    }

    /// <summary>The calibrated probability for one feature vector.</summary>
    public float Probability(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, bool dense)
    {
        double score = _bias;
        if (dense)
        {
            for (var k = 0; k < values.Length && k < _weights.Length; k++)
            {
                score += values[k] * _weights[k];
            }
        }
        else
        {
            for (var k = 0; k < values.Length; k++)
            {
                score += values[k] * _weights[indices[k]];
            }
        }

        // ML.NET's Platt calibrator: p = 1 / (1 + exp(slope * score + offset)).
        return (float)(1.0 / (1.0 + Math.Exp(_slope * (float)score + _offset)));
    }

    /// <summary>
    /// How far <see cref="Probability"/> may be from ML.NET's transformer for the same vector, from float32
    /// arithmetic alone: ML.NET forms the n products and adds them to the bias in float32, in an order of its own,
    /// each step off by at most u = 2^-24 relative, so its score is off by at most γ(n+1)·(|b| + Σ|w·x|) with
    /// γ(k) = k·u / (1 − k·u) (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., §3.1 and §4.2);
    /// this class adds in double and rounds the score to float once (u·|score|). The calibration scales a score
    /// difference by at most |slope|/4 (the sigmoid is steepest at 1/2), and each side rounds its probability to
    /// float once, half a unit in the last place each (at most 2^-25 below 1): u in all.
    /// </summary>
    internal double Tolerance(ReadOnlySpan<float> values, ReadOnlySpan<int> indices, bool dense)
    {
        const double u = 1.0 / (1 << 24);
        double score = _bias;
        double magnitude = Math.Abs(_bias);
        var terms = 1;
        for (var k = 0; k < values.Length && (!dense || k < _weights.Length); k++)
        {
            var product = (double)values[k] * _weights[dense ? k : indices[k]];
            score += product;
            magnitude += Math.Abs(product);
            terms++;
        }

        var gamma = terms * u / (1 - (terms * u));
        return (Math.Abs(_slope) / 4 * ((gamma * magnitude) + (u * Math.Abs(score)))) + u;
    }
}
