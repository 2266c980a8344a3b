namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The eight themes of the project's codebook, in the order reports list them. A lexicon may add
/// themes of its own; they are listed after these, in the order the lexicon first names them.
/// </summary>
public static class Codebook
{
    /// <summary>The codebook's themes, in report order.</summary>
    public static IReadOnlyList<ThemeInfo> Themes { get; } =
    [
        new("inequality", "Inequality and distribution"),
        new("control", "Party-state control and regulation"),
        new("philanthropy", "Philanthropy and the non-profit sector"),
        new("common_prosperity", "The campaign itself"),
        new("economy", "Economic development and markets"),
        new("social_welfare", "Social policy and public services"),
        new("environment", "Environment and ecology"),
        new("international", "International actors and relations"),
    ];

    /// <summary>The report position of a codebook theme, or <c>int.MaxValue</c> for a theme of the user's own.</summary>
    public static int OrderOf(string themeId)
    {
        for (var i = 0; i < Themes.Count; i++)
        {
            if (string.Equals(Themes[i].Id, themeId, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
