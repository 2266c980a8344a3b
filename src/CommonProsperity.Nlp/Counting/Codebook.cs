namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The eight themes of the project's codebook (<c>../shared/codebook.md</c>), in the order reports list them. A
/// lexicon may add themes of its own; they are listed after these, in the order the lexicon first names them.
/// The README's theme table is generated from this list (<c>CodebookTests</c>, <c>CPNLP_UPDATE_DOCS=1</c>).
/// </summary>
public static class Codebook
{
    /// <summary>The codebook's themes, in report order.</summary>
    public static IReadOnlyList<ThemeInfo> Themes { get; } =
    [
        new("inequality", "Inequality and distribution", "income, wealth and regional gaps, poverty, redistribution"),
        new("control", "Party-state control and regulation", "party leadership, supervision, regulatory campaigns, limits on organisations"),
        new("philanthropy", "Philanthropy and the non-profit sector", "charity, donations, foundations, NGOs, volunteering"),
        new("common_prosperity", "The campaign itself", "the concept, goals and timeline of common prosperity (共同富裕), the Zhejiang demonstration zone"),
        new("economy", "Economic development and markets", "growth, markets, the private sector, innovation, investment, consumption"),
        new("social_welfare", "Social policy and public services", "education, health care, housing, pensions, social security, employment"),
        new("environment", "Environment and ecology", "ecological civilisation, green development, pollution, carbon, climate"),
        new("international", "International actors and relations", "foreign organisations and governments, the global economy, the campaign seen abroad"),
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
