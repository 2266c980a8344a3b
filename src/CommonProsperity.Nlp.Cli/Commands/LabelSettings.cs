using System.ComponentModel;
using CommonProsperity.Nlp.Counting;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options of the commands that hold a lexicon against labelled passages (<c>lexicon check</c>, <c>lexicon suggest</c>).</summary>
internal class LabelSettings : LabelFileSettings
{
    /// <summary>A lexicon instead of the built-in one.</summary>
    [CommandOption("--lexicon <FILE>")]
    [Description("A lexicon (CSV with theme,term columns, or a LIWC .dic) instead of the built-in one")]
    public string? Lexicon { get; init; }

    /// <summary>The lexicon named by <see cref="Lexicon"/>, or the built-in one.</summary>
    public Lexicon LoadLexicon() => LexiconOption.Load(Lexicon);
}
