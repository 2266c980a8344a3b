using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Counting;

/// <summary>The part of a <see cref="DocumentAnalysis"/> the aggregate reports keep (the text and hits are not kept).</summary>
/// <param name="Id">The document id.</param>
/// <param name="Metadata">Its metadata.</param>
/// <param name="Tokens">Its token count.</param>
/// <param name="Words">Its word count (<see cref="WordCounter"/>).</param>
/// <param name="Sentences">Its sentence count.</param>
/// <param name="Themes">Per theme, hits and sentences with hits.</param>
public sealed record DocumentSummary(string Id, DocumentMetadata Metadata, int Tokens, int Words, int Sentences, IReadOnlyList<ThemeTally> Themes)
{
    /// <summary>The summary of <paramref name="analysis"/>: what every report and tally of a document needs.</summary>
    internal static DocumentSummary Of(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new(analysis.Document.Id, analysis.Document.Metadata, analysis.Tokens, analysis.Words, analysis.Segments.Sentences.Count, analysis.Themes);
    }
}
