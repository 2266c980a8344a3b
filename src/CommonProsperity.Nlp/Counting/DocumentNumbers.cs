namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The numbers counted for every document, declared once, in the order they travel in (the JSON lines of
/// shards and of the report writer's spill, and the columns of <c>theme_frequency_wide.csv</c>). A new
/// per-document number is one line here; to show it in another report, add its column there
/// (<c>Output/AnalysisReports.cs</c>).
/// </summary>
internal static class DocumentNumbers
{
    /// <summary>Tokens, by the counting rules.</summary>
    public static DocumentNumber Tokens { get; } = new("tokens", "tokens in the document", p => p.Tokens.Count);

    /// <summary>Words: English words and the like one each, Chinese as segmented into words (<see cref="WordCounter"/>).</summary>
    public static DocumentNumber Words { get; } = new(
        "words",
        "words in the document: each token that is not a Chinese character counts one; each run of adjacent Chinese characters counts the words jieba.NET segments it into (docs/counting-rules.md, \"Words\")",
        p => p.Words);

    /// <summary>Sentences.</summary>
    public static DocumentNumber Sentences { get; } = new("sentences", "sentences in the document", p => p.SentencesStarting);

    /// <summary>Every per-document number, in the order they travel in.</summary>
    public static IReadOnlyList<DocumentNumber> All { get; } = [Tokens, Words, Sentences];

    /// <summary>The position of <paramref name="number"/> in <see cref="All"/>.</summary>
    public static int IndexOf(DocumentNumber number)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (ReferenceEquals(All[i], number))
            {
                return i;
            }
        }

        throw new ArgumentException($"'{number?.Name}' is not declared in DocumentNumbers.All.", nameof(number));
    }
}
