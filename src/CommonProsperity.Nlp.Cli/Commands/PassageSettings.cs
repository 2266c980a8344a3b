using System.ComponentModel;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// The options of the commands that run the classifier over the passages of documents (<c>classify</c>,
/// <c>suggest</c>): the inputs, the model and what a passage is.
/// </summary>
internal class PassageSettings : InputSettings
{
    /// <summary>The model.</summary>
    [CommandOption("--model <FILE>")]
    [Description("The model file (default: models/themes.model.zip)")]
    public string? Model { get; init; }

    /// <summary>The unit.</summary>
    [CommandOption("--unit <UNIT>")]
    [Description("What a passage is: sentence, paragraph or document")]
    [DefaultValue("sentence")]
    public string Unit { get; init; } = "sentence";

    /// <summary>The passage unit named by <see cref="Unit"/>.</summary>
    public PassageUnit PassageUnit => Unit.ToLowerInvariant() switch
    {
        "sentence" => PassageUnit.Sentence,
        "paragraph" => PassageUnit.Paragraph,
        "document" => PassageUnit.Document,
        _ => throw new OptionsException($"--unit '{Unit}' is not a passage unit.", $"Use sentence, paragraph or document."),
    };

    /// <summary>The model named by <see cref="Model"/>, or the built-in one.</summary>
    public ThemeModel LoadModel() => ModelOption.Load(Model);

    /// <summary>The passage options for these settings, writing to <paramref name="output"/>.</summary>
    public PassageOptions Passages(string output) => new(Inputs, output, Ingestion, PassageUnit);

    /// <inheritdoc />
    public override ValidationResult Validate() => SettingsValidation.Check(() => _ = PassageUnit);
}
