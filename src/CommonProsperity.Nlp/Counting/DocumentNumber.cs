namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A number counted for every document (its tokens, words, sentences, ...), declared once in
/// <see cref="DocumentNumbers"/>: how it is counted, and under which name it travels. Each analysis counts
/// it (<see cref="DocumentAnalyzer"/>, and a large file's windows, whose counts are added), the document's
/// summary carries it (<see cref="DocumentSummary.Numbers"/>), a shard's documents and the report writer's
/// spill write and read it by its name, and a report column may show it (with its meaning).
/// </summary>
/// <param name="Name">Its name: the report column's and the JSON property's (snake_case).</param>
/// <param name="Meaning">What it holds, for the column reference of docs/reports.md.</param>
/// <param name="Count">
/// Counts it in a piece of text: a whole document, or a window of a large one. It must add up over
/// windows (no token, match or run of Chinese characters crosses a window's cut, which is a sentence's
/// start or, in text without sentence ends, a place inside a sentence that then goes on in the next
/// window under the same number): the document's number is the sum of its windows'.
/// </param>
internal sealed record DocumentNumber(string Name, string Meaning, Func<DocumentAnalyzer.Piece, long> Count);
