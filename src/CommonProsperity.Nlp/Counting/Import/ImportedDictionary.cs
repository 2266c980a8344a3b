namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>What a dictionary reader found in a file, before the categories become themes.</summary>
/// <param name="Format">The format it was read as.</param>
/// <param name="Categories">The categories in file order; a child names its parent.</param>
/// <param name="Entries">The words, each under one category.</param>
/// <param name="Warnings">Lines passed over, each with its line and why.</param>
internal sealed record ImportedDictionary(LexiconFormat Format, IReadOnlyList<DictionaryCategory> Categories, IReadOnlyList<DictionaryEntry> Entries, IReadOnlyList<string> Warnings);
