namespace CommonProsperity.Nlp.Counting;

/// <summary>A theme of the codebook: its stable id (used in every report), its name, and what it covers.</summary>
/// <param name="Id">The id, in every report.</param>
/// <param name="Name">The name (the codebook's).</param>
/// <param name="Covers">What passages of the theme are about, in a few words (the README's theme table).</param>
public sealed record ThemeInfo(string Id, string Name, string Covers);
