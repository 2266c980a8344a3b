using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>What every command makes of its <c>--model</c> option: a file, or the built-in model when none is given.</summary>
internal static class ModelOption
{
    /// <summary>The model in <paramref name="path"/>, or the built-in one when it is null or empty.</summary>
    public static ThemeModel Load(string? path) => ThemeModel.Load(Path(path));

    /// <summary>
    /// Says on <paramref name="error"/> which codebook themes <paramref name="model"/> has no classifier for (nothing
    /// when it has one for every theme): their passages are never found and their columns are missing.
    /// </summary>
    public static void SayUnclassifiedThemes(TextWriter error, ThemeModel model)
    {
        if (model.UnclassifiedCodebookThemes is { Count: > 0 } missing)
        {
            error.WriteLine($"note: the model has no classifier for the codebook theme(s) {string.Join(", ", missing)} (too few labelled passages of them when it was trained, or added to the codebook since), so no passage is found to have them; train one with 'cpnlp train' on labels that code them.");
        }
    }

    /// <summary>The model file used: <paramref name="path"/>, or the built-in model's.</summary>
    public static string Path(string? path) => string.IsNullOrEmpty(path) ? ThemeModel.DefaultPath : path;
}
