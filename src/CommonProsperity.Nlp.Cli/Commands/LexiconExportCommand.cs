using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp lexicon export</c>: writes the built-in lexicon for editing.</summary>
[CommandWords("lexicon export", 140, "Write the built-in lexicon to a CSV file you can edit and pass back with --lexicon.")]
[CommandExample("--out", "my_lexicon.csv")]
internal sealed class LexiconExportCommand : Command<LexiconExportCommand.Settings>
{
    /// <summary>The options of <c>lexicon export</c>.</summary>
    public sealed class Settings : LexiconCsvSettings
    {
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        LexiconCsvFile.Write(settings.Out, DefaultLexicon.ReadText(), settings.Force);

        var lexicon = DefaultLexicon.Instance;
        CliStreams.Current.Out.WriteLine($"Wrote {lexicon.Terms.Count} terms for {lexicon.Themes.Count} themes to {settings.Out}.");
        CliStreams.Current.Out.WriteLine($"Edit it in a spreadsheet or text editor, then run: cpnlp analyze INPUTS --lexicon {settings.Out}");
        return ExitCodes.Success;
    }
}
