namespace CommonProsperity.Nlp.Models;

/// <summary>A passage of a document with the model's verdict.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Index">0-based position among the document's passages.</param>
/// <param name="Start">Offset of the passage in the document's extracted text.</param>
/// <param name="End">Offset just past it.</param>
/// <param name="Text">The passage text.</param>
/// <param name="Themes">The predicted themes (probability at or above the theme's threshold).</param>
/// <param name="Probabilities">Per model theme, the probability.</param>
internal sealed record ClassifiedPassage(string Document, int Index, int Start, int End, string Text, IReadOnlySet<string> Themes, IReadOnlyList<float> Probabilities);
