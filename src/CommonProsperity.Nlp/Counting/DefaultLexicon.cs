using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The lexicon built into the tool (the project's <c>models/lexicon.csv</c>, embedded at build time),
/// so that the main command needs no path. <c>cpnlp lexicon export</c> writes it out for editing.
/// </summary>
public static class DefaultLexicon
{
    private const string ResourceName = "CommonProsperity.Nlp.DefaultLexicon.csv";
    private static readonly Lazy<Lexicon> Loaded = new(() => LexiconLoader.FromCsvText(ReadText(), "built-in"));

    /// <summary>The built-in lexicon, parsed once.</summary>
    public static Lexicon Instance => Loaded.Value;

    /// <summary>The built-in lexicon's CSV text, as shipped.</summary>
    public static string ReadText()
    {
        using var stream = typeof(DefaultLexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new CommonProsperityException("the built-in lexicon is missing from the assembly.", fix: "Rebuild the tool; models/lexicon.csv must exist at build time.");
        using var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
