using System.ComponentModel;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options of the commands that count with a lexicon: inputs and CSV columns, the lexicon, charts.</summary>
internal class CorpusSettings : InputSettings
{
    /// <summary>A lexicon file instead of the built-in one.</summary>
    [CommandOption("--lexicon <FILE>")]
    [Description("A lexicon (CSV with theme,term columns, or a LIWC .dic) instead of the built-in one")]
    public string? Lexicon { get; init; }

    /// <summary>No PNG charts.</summary>
    [CommandOption("--no-charts")]
    [Description("Write the CSV reports only, no PNG charts")]
    public bool NoCharts { get; init; }

    /// <summary>Match the characters as written, without folding.</summary>
    [CommandOption("--no-normalize")]
    [Description("Match characters as written: no folding of full-width forms, radicals, compatibility or traditional characters (docs/counting-rules.md, rule 1)")]
    public bool NoNormalize { get; init; }

    /// <summary>Also one Excel workbook.</summary>
    [CommandOption("--xlsx")]
    [Description("Also write reports.xlsx: every CSV report as a sheet of one Excel workbook (header frozen, numbers as numbers)")]
    public bool Xlsx { get; init; }

    /// <summary>The discovery options for these settings, writing to <paramref name="output"/>.</summary>
    public DiscoveryOptions Discovery(string output) => new(Inputs, output, Ingestion, !NoCharts, Xlsx, !NoNormalize);

    /// <summary>The lexicon named by <see cref="Lexicon"/>, or the built-in one.</summary>
    public Lexicon LoadLexicon() => LexiconOption.Load(Lexicon);

    /// <summary>How the lexicon is named in summaries.</summary>
    public string LexiconName => LexiconOption.Name(Lexicon);
}
