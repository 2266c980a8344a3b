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
}
