using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>What the charts of theme rates draw (<c>trend</c>'s lines, <c>analyze</c>'s charts); <see cref="Validate"/> names any bad value. The CSV always holds every theme.</summary>
/// <param name="Themes">The themes drawn, in the order given; null or empty for all.</param>
/// <param name="Relative">Draw each theme's rate as a share of its own highest rate (0 to 1), so that small themes show beside large ones; the legend gives each maximum.</param>
public sealed record TrendChartOptions(IReadOnlyList<string>? Themes = null, bool Relative = false)
{
    /// <summary>Checks the themes against the lexicon's <paramref name="known"/> themes.</summary>
    /// <exception cref="OptionsException">A theme is not one of the lexicon's.</exception>
    public TrendChartOptions Validate(IReadOnlyList<string> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        foreach (var theme in Themes ?? [])
        {
            if (!known.Contains(theme, StringComparer.Ordinal))
            {
                throw new OptionsException($"the theme '{theme}' to chart is not one of the lexicon's.", $"Use some of: {string.Join(", ", known)}.");
            }
        }

        return this;
    }

    /// <summary>The themes to draw, of <paramref name="all"/>.</summary>
    public IReadOnlyList<string> Drawn(IReadOnlyList<string> all) => Themes is { Count: > 0 } ? Themes : all;
}
