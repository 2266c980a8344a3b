using System.Globalization;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The relative scale of the charts (<c>--chart-scale relative</c>): each series (a theme, a term) as a
/// share of its own highest value, its maximum named beside it, so that a theme at 3 per 1,000 words shows
/// its course beside one at 700.
/// </summary>
internal static class RelativeScale
{
    /// <summary>
    /// The name of a series with its maximum (<c>inequality (max 3.2)</c>, the two parts joined by
    /// <paramref name="separator"/>), and its values divided by that maximum (all 0 when it is 0).
    /// </summary>
    public static (string Name, IReadOnlyList<double> Values) Of(string name, IReadOnlyList<double> values, string separator = " ")
    {
        ArgumentNullException.ThrowIfNull(values);
        var max = values.DefaultIfEmpty(0).Max();
        return (string.Create(CultureInfo.InvariantCulture, $"{name}{separator}(max {max:0.##})"), [.. values.Select(v => max > 0 ? v / max : 0)]);
    }

    /// <summary>What the values measure on the relative scale, for a series that is a <paramref name="noun"/>.</summary>
    public static string Label(string noun, string valueLabel) => $"share of the {noun}'s highest rate ({valueLabel})";
}
