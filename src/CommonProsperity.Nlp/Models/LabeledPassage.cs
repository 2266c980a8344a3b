namespace CommonProsperity.Nlp.Models;

/// <summary>A passage labelled with every theme that applies (or none).</summary>
/// <param name="Id">The passage id (the row number when the file has no id column).</param>
/// <param name="Text">The passage text.</param>
/// <param name="Themes">The gold theme ids.</param>
/// <param name="Document">The document it comes from, when known.</param>
/// <param name="Language">Its language (<c>en</c>, <c>zh</c>), when known.</param>
/// <param name="Line">The line of the label file it came from.</param>
public sealed record LabeledPassage(string Id, string Text, IReadOnlySet<string> Themes, string? Document, string? Language, long Line);
