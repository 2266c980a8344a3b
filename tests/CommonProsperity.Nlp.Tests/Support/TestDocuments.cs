using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Documents made in memory, for tests that need no files.</summary>
internal static class TestDocuments
{
    public static Document Make(string id, string text, string? date = null, string? language = null, string? publisher = null,
        params KeyValuePair<string, string>[] extra) =>
        new(id, text, new DocumentMetadata(null, date, publisher, language ?? LanguageGuesser.Guess(text), extra), new SourceFile(id, id, "."), "txt", "utf-8");
}
