namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>A category of a dictionary file, with its parent when categories nest.</summary>
/// <param name="Name">The category's own name as written (<c>child</c>).</param>
/// <param name="Parent">The parent's place in <see cref="ImportedDictionary.Categories"/>, or -1 at the top.</param>
/// <param name="Key">What names it where the file names categories by number (LIWC: <c>1</c>); else its place.</param>
/// <param name="Line">The line that defines it.</param>
internal sealed record DictionaryCategory(string Name, int Parent, string Key, int Line);
