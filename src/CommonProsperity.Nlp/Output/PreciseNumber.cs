namespace CommonProsperity.Nlp.Output;

/// <summary>
/// A number written to a report with six significant digits (<c>1.23457E-05</c>) instead of four decimals:
/// for probabilities, test statistics and p-values, which span many orders of magnitude.
/// </summary>
/// <param name="Value">The number.</param>
internal readonly record struct PreciseNumber(double Value);
