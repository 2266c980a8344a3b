
namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// One word of a text as the discovery commands see it: an English word (lower case, a possessive
/// <c>'s</c> removed) or a Chinese word from the segmenter, with where it stands in the text.
/// </summary>
/// <param name="Text">The normalised word.</param>
/// <param name="Start">Offset of its first character in the text.</param>
/// <param name="End">Offset just past its last character.</param>
/// <param name="IsChinese">True for a word of Chinese characters.</param>
/// <param name="JoinsPrevious">True when only whitespace or hyphens (or nothing, inside Chinese) separate it from the word before, so the two may form a phrase.</param>
/// <param name="IsContent">False for stop words, numbers and single letters: words left out of topics, keyness and suggestions.</param>
internal readonly record struct Word(string Text, int Start, int End, bool IsChinese, bool JoinsPrevious, bool IsContent)
{
    /// <summary>The word's language code: <c>zh</c> or <c>en</c> (any other alphabet counts as <c>en</c>).</summary>
    public string Language => IsChinese ? "zh" : "en";

    /// <summary>The language code of a word: <c>zh</c> when it holds a Chinese character, else <c>en</c>.</summary>
    public static string LanguageOf(string text) => text is not null && text.Any(c => CharClass.IsHan(c)) ? "zh" : "en";
}
