using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>What the charts of theme rates draw (<c>trend</c>'s lines, <c>analyze</c>'s charts); <see cref="Validate"/> names any bad value. The CSV always holds every theme.</summary>
/// <param name="Themes">The themes drawn, in the order given; null or empty for all.</param>
/// <param name="Relative">Draw each theme's rate as a share of its own highest rate (0 to 1), so that small themes show beside large ones; the legend gives each maximum.</param>
public sealed record TrendChartOptions(IReadOnlyList<string>? Themes = null, bool Relative = false)
{
    /// <summary>The run option, in the manifest and a shard's header, that lists the themes drawn (semicolon-separated).</summary>
    internal const string ThemesKey = "chart_themes";

    /// <summary>The run option that names the charts' scale: <see cref="RateName"/> or <see cref="RelativeName"/>.</summary>
    internal const string ScaleKey = "chart_scale";

    /// <summary>The scale of hits per 1,000 words.</summary>
    internal const string RateName = "rate";

    /// <summary>The scale of each theme's share of its own highest rate.</summary>
    internal const string RelativeName = "relative";

    /// <summary>The name of this scale, as the run options record it.</summary>
    internal string ScaleName => Relative ? RelativeName : RateName;

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
