using System.ComponentModel;
using CommonProsperity.Nlp.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// The <c>--labels</c> option of the commands that hold something against one file of labelled passages
/// (<c>evaluate</c>, <c>lexicon check</c>, <c>lexicon suggest</c>); <c>train</c> merges several and declares its own.
/// </summary>
internal class LabelFileSettings : CommandSettings
{
    /// <summary>The labelled passages.</summary>
    [CommandOption("--labels <FILE>")]
    [Description("Labelled passages: CSV with text and themes (ids separated by ';'); optional id, document, lang")]
    public string Labels { get; init; } = "";

    /// <summary>Whether the command can do without <see cref="Labels"/> (<c>lexicon check --validated</c>).</summary>
    protected virtual bool LabelsOptional => false;

    /// <summary>The passages of <see cref="Labels"/> for <paramref name="themes"/>, their warnings printed to <paramref name="streams"/>.</summary>
    public LabelSet LoadLabels(CliStreams streams, IReadOnlyCollection<string> themes)
    {
        var labels = LabelSet.Load([Labels], themes);
        CommandOutput.LabelWarnings(streams, labels.Warnings);
        return labels;
    }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        LabelsOptional || !string.IsNullOrWhiteSpace(Labels) ? ValidationResult.Success() : ValidationResult.Error("--labels is required: give a CSV of labelled passages (text and themes columns).");
}
