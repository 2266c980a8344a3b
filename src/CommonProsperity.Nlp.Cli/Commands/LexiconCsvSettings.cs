using System.ComponentModel;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options of the commands that write a lexicon CSV (<c>lexicon export</c>, <c>lexicon convert</c>).</summary>
internal class LexiconCsvSettings : CommandSettings
{
    /// <summary>The file to write.</summary>
    [CommandOption("-o|--out <FILE>")]
    [Description("The CSV file to write")]
    [DefaultValue("lexicon.csv")]
    public string Out { get; init; } = "lexicon.csv";

    /// <summary>Overwrite an existing file.</summary>
    [CommandOption("--force")]
    [Description("Overwrite the file if it exists")]
    public bool Force { get; init; }
}
