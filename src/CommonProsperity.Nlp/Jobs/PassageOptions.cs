using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What <see cref="ClassifyJob"/> and <see cref="SuggestJob"/> read, cut into what passages, and where they write.</summary>
/// <param name="Inputs">Files and folders to read.</param>
/// <param name="Output">The output folder (<c>classify</c>) or file (<c>suggest</c>).</param>
/// <param name="Ingestion">How inputs are read.</param>
/// <param name="Unit">What a passage is.</param>
public sealed record PassageOptions(IReadOnlyList<string> Inputs, string Output, IngestionOptions Ingestion, PassageUnit Unit = PassageUnit.Sentence)
{
    /// <summary>The characters of a window of a document classified in windows (<see cref="SentenceWindows"/>; tests use a few dozen).</summary>
    internal int WindowCharacters { get; init; } = SentenceWindows.DefaultCharacters;

    /// <summary>The most characters such a window grows to while no place to cut it comes (<see cref="Text.TextWindow.MaxCharacters"/>; tests lower it).</summary>
    internal int MaxWindowCharacters { get; init; } = Text.TextWindow.MaxCharacters;

    /// <summary>The longest passage by sentence: a longer sentence is cut into pieces (<see cref="SentencePieces.MaxCharacters"/>; tests lower it).</summary>
    internal int MaxPassageCharacters { get; init; } = SentencePieces.MaxCharacters;
}
