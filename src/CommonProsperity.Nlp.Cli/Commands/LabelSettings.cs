using System.ComponentModel;
using CommonProsperity.Nlp.Counting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options of the commands that hold a lexicon against labelled passages (<c>lexicon check</c>, <c>lexicon suggest</c>).</summary>
internal class LabelSettings : CommandSettings
{
    /// <summary>The labelled passages.</summary>
    [CommandOption("--labels <FILE>")]
    [Description("Labelled passages: CSV with text and themes (ids separated by ';'); optional id, document, lang")]
    public string Labels { get; init; } = "";

    /// <summary>A lexicon instead of the built-in one.</summary>
    [CommandOption("--lexicon <FILE>")]
    [Description("A lexicon (CSV with theme,term columns, or a LIWC .dic) instead of the built-in one")]
    public string? Lexicon { get; init; }

    /// <summary>Whether the command can do without <see cref="Labels"/> (<c>lexicon check --validated</c>).</summary>
    protected virtual bool LabelsOptional => false;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        LabelsOptional || !string.IsNullOrWhiteSpace(Labels) ? ValidationResult.Success() : ValidationResult.Error("--labels is required: give a CSV of labelled passages (text and themes columns).");

    /// <summary>The lexicon named by <see cref="Lexicon"/>, or the built-in one.</summary>
    public Lexicon LoadLexicon() => LexiconOption.Load(Lexicon);
}
