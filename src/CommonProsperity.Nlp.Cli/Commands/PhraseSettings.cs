using System.ComponentModel;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options <c>ngrams</c> and <c>collocations</c> share.</summary>
internal abstract class PhraseSettings : CorpusSettings
{
    /// <summary>The grouping field.</summary>
    [CommandOption("--by <FIELD>")]
    [Description("List the phrases per group of documents: language, publisher, year, month, date, title, or a sources.csv column (default: all documents together)")]
    public string? By { get; init; }

    /// <summary>Words or characters.</summary>
    [CommandOption("--unit <UNIT>")]
    [Description("words (English words, Chinese words from jieba.NET) or characters (Chinese characters, no segmenter)")]
    [DefaultValue("words")]
    public string Unit { get; init; } = "words";

    /// <summary>Minimum count.</summary>
    [CommandOption("--min-count <N>")]
    [Description("List only phrases seen at least N times in a group")]
    [DefaultValue(3)]
    public int MinCount { get; init; } = 3;

    /// <summary>How many.</summary>
    [CommandOption("--top <N>")]
    [Description("Phrases listed per group and language (n-grams: and size)")]
    [DefaultValue(50)]
    public int Top { get; init; } = 50;

    /// <summary>Keep stop words at the edges.</summary>
    [CommandOption("--keep-stop-words")]
    [Description("Also list phrases that begin or end with a stop word, number or single letter (of the, 的发展 ...)")]
    public bool KeepStopWords { get; init; }

    /// <summary>Only one language.</summary>
    [CommandOption("--language <LANG>")]
    [Description("Only the phrases of one language: en or zh (default: both)")]
    public string? Language { get; init; }

    /// <summary>The library's options for these settings.</summary>
    public abstract PhraseOptions Options();

    /// <inheritdoc />
    public override ValidationResult Validate() => SettingsValidation.Check(() => Options().Validate());

    /// <summary>The unit named by <see cref="Unit"/>.</summary>
    /// <exception cref="OptionsException">It names no unit.</exception>
    protected PhraseUnit ParseUnit() =>
        FlagChoice.Parse("--unit", Unit, "a unit", ("words|word", PhraseUnit.Words), ("characters|character|chars", PhraseUnit.Characters));

    /// <summary>The language code of <see cref="Language"/>, or null.</summary>
    protected string? LanguageCode => Language?.Trim().ToLowerInvariant();
}
