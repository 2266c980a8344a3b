namespace CommonProsperity.Nlp.Counting;

/// <summary>The number of words in <paramref name="run"/>, a run of two or more adjacent Chinese characters.</summary>
internal delegate int ChineseRunWords(ReadOnlySpan<char> run);
