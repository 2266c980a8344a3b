namespace CommonProsperity.Nlp.Models;

/// <summary>The feature groups a theme classifier may use (combine with <c>|</c>).</summary>
[Flags]
public enum FeatureSet
{
    /// <summary>No features (not valid on its own).</summary>
    None = 0,

    /// <summary>Token n-grams: English words, Chinese characters and their pairs.</summary>
    Words = 1,

    /// <summary>Character n-grams of the text: spelling variants, three-character Chinese words.</summary>
    Chars = 2,

    /// <summary>Subword tokens: one vocabulary for every language.</summary>
    Subwords = 4,

    /// <summary>Lexicon hits per theme: the same features in every language.</summary>
    Lexicon = 8,

    /// <summary>The document's lexicon profile: the passage read within its document.</summary>
    Context = 16,
}
