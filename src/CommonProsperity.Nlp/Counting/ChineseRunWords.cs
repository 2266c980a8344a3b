namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The number of words in the <paramref name="runs"/> of <paramref name="text"/> (each a run of two or more adjacent
/// Chinese characters, given by its start and length), all of a text's runs in one call.
/// </summary>
internal delegate int ChineseRunWords(ReadOnlySpan<char> text, ChineseWordCounter.Runs runs);
