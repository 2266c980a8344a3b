using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>What every command makes of its <c>--lexicon</c> option: a file, or the built-in lexicon when none is given.</summary>
internal static class LexiconOption
{
    /// <summary>The lexicon in <paramref name="path"/>, or the built-in one when it is null or empty.</summary>
    public static Lexicon Load(string? path) => string.IsNullOrEmpty(path) ? DefaultLexicon.Instance : LexiconLoader.Load(path);

    /// <summary>How the lexicon is named in summaries.</summary>
    public static string Name(string? path) => string.IsNullOrEmpty(path) ? "built-in lexicon" : "lexicon " + path;
}
