namespace CommonProsperity.Nlp.Models;

/// <summary>
/// A percentile bootstrap confidence interval of one metric; both ends are NaN when no resample
/// defined the metric (precision of a theme never predicted, recall of a theme never present).
/// </summary>
/// <param name="Low">The lower end.</param>
/// <param name="High">The upper end.</param>
public readonly record struct MetricInterval(double Low, double High)
{
    /// <summary>No interval: no resample defined the metric.</summary>
    public static MetricInterval Undefined { get; } = new(double.NaN, double.NaN);

    /// <summary>Whether the interval has ends.</summary>
    public bool IsDefined => !double.IsNaN(Low) && !double.IsNaN(High);

    /// <summary>Whether <paramref name="value"/> lies within the interval (ends included).</summary>
    public bool Contains(double value) => IsDefined && value >= Low && value <= High;
}
