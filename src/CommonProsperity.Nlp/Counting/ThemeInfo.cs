namespace CommonProsperity.Nlp.Counting;

/// <summary>A theme of the codebook: its stable id (used in every report) and its name.</summary>
public sealed record ThemeInfo(string Id, string Name);
