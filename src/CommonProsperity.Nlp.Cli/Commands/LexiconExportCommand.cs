using System.ComponentModel;
using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp lexicon export</c>: writes the built-in lexicon for editing.</summary>
internal sealed class LexiconExportCommand : Command<LexiconExportCommand.Settings>
{
    /// <summary>The options of <c>lexicon export</c>.</summary>
    public sealed class Settings : CommandSettings
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

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (File.Exists(settings.Out) && !settings.Force)
        {
            throw new OutputException("the file exists already.", settings.Out, "Choose another name with --out, or add --force to overwrite it.");
        }

        if (Directory.Exists(settings.Out))
        {
            throw new OutputException("the path is a folder.", settings.Out, "Give a file name with --out, for example --out my_lexicon.csv.");
        }

        var text = DefaultLexicon.ReadText().TrimStart('\uFEFF').ReplaceLineEndings("\r\n");
        // A byte order mark, so that Excel opens the Chinese terms correctly; written beside the target then renamed over it, so a failure leaves no half file.
        OutputFile.Write(settings.Out, "the lexicon", temp => File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)));

        var lexicon = DefaultLexicon.Instance;
        CliStreams.Current.Out.WriteLine($"Wrote {lexicon.Terms.Count} terms for {lexicon.Themes.Count} themes to {settings.Out}.");
        CliStreams.Current.Out.WriteLine($"Edit it in a spreadsheet or text editor, then run: cpnlp analyze INPUTS --lexicon {settings.Out}");
        return ExitCodes.Success;
    }
}
