namespace CommonProsperity.Nlp.Discovery;

/// <summary>What the n-grams and collocations of <see cref="PhraseFinder"/> are made of.</summary>
public enum PhraseUnit
{
    /// <summary>Words: English words as <see cref="WordExtractor"/> gives them, Chinese words from jieba.NET.</summary>
    Words,

    /// <summary>Chinese characters (English text yields none): n-grams that do not depend on a segmenter.</summary>
    Characters,
}
