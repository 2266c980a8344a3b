namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A validated theme lexicon: its themes in report order and its terms. Build one with
/// <see cref="LexiconLoader"/> (files) or <see cref="DefaultLexicon"/> (the one built into the tool).
/// </summary>
/// <param name="Themes">Theme ids in report order: codebook themes first, then the lexicon's own.</param>
/// <param name="Terms">The terms, in file order.</param>
/// <param name="Source">Where the lexicon came from: a path, or <c>built-in</c>.</param>
/// <param name="Sha256">Hex SHA-256 of the lexicon file's bytes, so a report can name the exact lexicon.</param>
/// <param name="Warnings">Entries that were passed over, each with its line and why.</param>
/// <param name="ThemeLabels">
/// The name each theme had in the file it was read from (a dictionary's <c>care.virtue</c> for the theme
/// id <c>care_virtue</c>), shown beside the id in reports; null when the lexicon names its themes by id only.
/// </param>
public sealed record Lexicon(
    IReadOnlyList<string> Themes,
    IReadOnlyList<LexiconTerm> Terms,
    string Source,
    string Sha256,
    IReadOnlyList<string> Warnings,
    IReadOnlyDictionary<string, string>? ThemeLabels = null)
{
    /// <summary>Whether any term carries a weight, so that reports add weighted scores beside the hits.</summary>
    public bool HasWeights => Terms.Any(t => t.Weight is not null);

    /// <summary>The label of <paramref name="theme"/>: its name in the source file, else the id itself.</summary>
    public string LabelOf(string theme) => ThemeLabels is not null && ThemeLabels.TryGetValue(theme, out var label) ? label : theme;
}
