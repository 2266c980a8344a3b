using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Counting;

/// <summary>The part of a <see cref="DocumentAnalysis"/> the aggregate reports keep (the text and hits are not kept).</summary>
/// <param name="Id">The document id.</param>
/// <param name="Metadata">Its metadata.</param>
/// <param name="Numbers">Its numbers: tokens, words, sentences, ... (each declared once, in <see cref="DocumentNumbers"/>).</param>
/// <param name="Themes">Per theme, hits and sentences with hits.</param>
public sealed record DocumentSummary(string Id, DocumentMetadata Metadata, DocumentNumberValues Numbers, IReadOnlyList<ThemeTally> Themes)
{
    /// <summary>Its token count.</summary>
    public int Tokens => (int)Numbers[DocumentNumbers.Tokens];

    /// <summary>Its word count (<see cref="WordCounter"/>).</summary>
    public int Words => (int)Numbers[DocumentNumbers.Words];

    /// <summary>Its sentence count.</summary>
    public int Sentences => (int)Numbers[DocumentNumbers.Sentences];

    /// <summary>The summary of <paramref name="analysis"/>: what every report and tally of a document needs.</summary>
    internal static DocumentSummary Of(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new(analysis.Document.Id, analysis.Document.Metadata, analysis.Numbers, analysis.Themes);
    }
}
