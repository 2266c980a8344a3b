using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>What every command makes of its <c>--model</c> option: a file, or the built-in model when none is given.</summary>
internal static class ModelOption
{
    /// <summary>The model in <paramref name="path"/>, or the built-in one when it is null or empty.</summary>
    public static ThemeModel Load(string? path) => ThemeModel.Load(Path(path));

    /// <summary>The model file used: <paramref name="path"/>, or the built-in model's.</summary>
    public static string Path(string? path) => string.IsNullOrEmpty(path) ? ThemeModel.DefaultPath : path;
}
