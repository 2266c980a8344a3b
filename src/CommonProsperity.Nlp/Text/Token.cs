namespace CommonProsperity.Nlp.Text;

/// <summary>
/// One token of the counting rules: its normalised text (invariant lower case, <c>’</c> as <c>'</c>,
/// a line-end hyphenation removed) and the character range it covers in the source text.
/// </summary>
/// <param name="Text">The normalised token, as the lexicon is matched against it.</param>
/// <param name="Start">Offset of the first character (UTF-16 code units).</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="JoinsPrevious">True when only whitespace or hyphens stand between this token and the one before it, so a phrase may continue across the gap.</param>
public readonly record struct Token(string Text, int Start, int End, bool JoinsPrevious);
