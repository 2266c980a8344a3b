using System.ComponentModel;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Lexicons;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options every command that reads documents shares: inputs, lexicon, CSV columns, charts.</summary>
internal class CorpusSettings : CommandSettings
{
    /// <summary>Files or folders to read.</summary>
    [CommandArgument(0, "<inputs>")]
    [Description("Files or folders (read recursively): .txt .md .html .htm .pdf .csv")]
    public string[] Inputs { get; init; } = [];

    /// <summary>A lexicon file instead of the built-in one.</summary>
    [CommandOption("--lexicon <FILE>")]
    [Description("A lexicon (CSV with theme,term columns, or a LIWC .dic) instead of the built-in one")]
    public string? Lexicon { get; init; }

    /// <summary>The CSV text column.</summary>
    [CommandOption("--text-column <NAME>")]
    [Description("For .csv inputs: the column holding the text")]
    [DefaultValue("text")]
    public string TextColumn { get; init; } = "text";

    /// <summary>The CSV id column.</summary>
    [CommandOption("--id-column <NAME>")]
    [Description("For .csv inputs: the column holding each row's id (default: row numbers)")]
    public string? IdColumn { get; init; }

    /// <summary>No PNG charts.</summary>
    [CommandOption("--no-charts")]
    [Description("Write the CSV reports only, no PNG charts")]
    public bool NoCharts { get; init; }

    /// <summary>The lexicon named by <see cref="Lexicon"/>, or the built-in one.</summary>
    public Lexicon LoadLexicon() => Lexicon is null ? DefaultLexicon.Instance : LexiconLoader.Load(Lexicon);

    /// <summary>How the inputs are read.</summary>
    public IngestionOptions Ingestion => new(TextColumn, IdColumn);

    /// <summary>How the lexicon is named in summaries.</summary>
    public string LexiconName => Lexicon is null ? "built-in lexicon" : "lexicon " + Lexicon;
}
