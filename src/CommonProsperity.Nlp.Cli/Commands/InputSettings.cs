using System.ComponentModel;
using CommonProsperity.Nlp.Ingestion;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options every command that reads documents shares: the inputs and how to read CSV rows.</summary>
internal class InputSettings : CommandSettings
{
    /// <summary>Files or folders to read.</summary>
    [CommandArgument(0, "<inputs>")]
    [InputsDescription]
    public string[] Inputs { get; init; } = [];

    /// <summary>The CSV text column.</summary>
    [CommandOption("--text-column <NAME>")]
    [Description("For .csv inputs: the column holding the text")]
    [DefaultValue("text")]
    public string TextColumn { get; init; } = "text";

    /// <summary>The CSV id column.</summary>
    [CommandOption("--id-column <NAME>")]
    [Description("For .csv inputs: the column holding each row's id (default: a column named id, else row numbers)")]
    public string? IdColumn { get; init; }

    /// <summary>Follow symbolic links out of the input folders.</summary>
    [CommandOption("--follow-symlinks")]
    [Description("Also read files that symbolic links point to outside the input folders (devices, pipes and loops are refused either way)")]
    public bool FollowSymlinks { get; init; }

    /// <summary>The encoding of the text inputs, instead of detecting it.</summary>
    [CommandOption("--encoding <NAME>")]
    [Description("The encoding of every .txt, .md, .csv and .html input without a byte order mark, for files whose encoding is detected wrong: gb18030 (also GBK), big5, utf-8, shift_jis, windows-1252, ... (default: detected for each file)")]
    public string? Encoding { get; init; }

    /// <summary>How the inputs are read.</summary>
    public IngestionOptions Ingestion => new(TextColumn, IdColumn, FollowSymlinks: FollowSymlinks) { Encoding = Encoding };
}
