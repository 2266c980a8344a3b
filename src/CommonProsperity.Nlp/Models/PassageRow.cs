namespace CommonProsperity.Nlp.Models;

/// <summary>
/// One passage as the ML.NET featurizer sees it: its counting-rule tokens and subword tokens as
/// space-separated text, and two dense vectors computed from the lexicon. The vectors' length is
/// set at run time from the model's theme count (see <see cref="PassageFeaturizer.SchemaFor"/>).
/// </summary>
internal sealed class PassageRow
{
    /// <summary>The passage text, lower-cased (for character n-grams).</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The passage's counting-rule tokens, space-separated (Chinese: one character each).</summary>
    public string Tokens { get; init; } = string.Empty;

    /// <summary>The passage's o200k subword token ids, space-separated, so that text in any language shares a vocabulary.</summary>
    public string Subwords { get; init; } = string.Empty;

    /// <summary>Per theme: whether the lexicon hits the passage, then log(1 + hits); the cross-lingual signal.</summary>
    public float[] Lexicon { get; init; } = [];

    /// <summary>Per theme: the share of the document's passages with a lexicon hit (the document's subject).</summary>
    public float[] Context { get; init; } = [];

    /// <summary>The gold label for the theme being trained (unused when predicting).</summary>
    public bool Label { get; init; }
}
