namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// One word of a dictionary file filed under one category, before it becomes a lexicon term.
/// </summary>
/// <param name="Category">The category's place in the dictionary's <see cref="ImportedDictionary.Categories"/>.</param>
/// <param name="Word">The word or phrase as written (a trailing <c>*</c> is a prefix).</param>
/// <param name="Weight">Its weight in the category, when the format gives one.</param>
/// <param name="Line">The line of the file it stands on.</param>
internal readonly record struct DictionaryEntry(int Category, string Word, double? Weight, int Line);
