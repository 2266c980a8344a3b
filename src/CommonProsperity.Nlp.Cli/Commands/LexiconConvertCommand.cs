using System.ComponentModel;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Counting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp lexicon convert</c>: writes a dictionary in any format read as the project's CSV.</summary>
[CommandWords("lexicon convert", 150, "Write a dictionary (LIWC .dic/.dicx, WordStat, quanteda YAML, Lexicoder, Yoshikoder) as the project's lexicon CSV.")]
[CommandExample("moral.dic", "--out", "moral.csv")]
internal sealed class LexiconConvertCommand : Command<LexiconConvertCommand.Settings>
{
    /// <summary>The options of <c>lexicon convert</c>.</summary>
    public sealed class Settings : LexiconCsvSettings
    {
        /// <summary>The dictionary to convert.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("The dictionary: LIWC .dic or .dicx, WordStat .cat, quanteda YAML, Lexicoder .lc3/.lcd, Yoshikoder .ykd, or a lexicon CSV")]
        public string File { get; init; } = string.Empty;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("Give the dictionary file to convert, for example: cpnlp lexicon convert moral.dic --out moral.csv") : ValidationResult.Success();
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        if (!File.Exists(settings.File))
        {
            // The loader's own message names --lexicon, which this command does not have.
            throw new LexiconException("the dictionary file does not exist.", settings.File, fix: "Check the path given to 'cpnlp lexicon convert' (a relative path starts in the current folder).");
        }

        var lexicon = LexiconLoader.Load(settings.File);
        LexiconCsvFile.Write(settings.Out, LexiconCsvText.From(lexicon), settings.Force);
        CommandOutput.Warnings(streams, lexicon.Warnings, "warnings about the dictionary (all of them are in the manifest of an analyze run)");
        var weighted = lexicon.HasWeights ? ", with weights" : string.Empty;
        streams.Out.WriteLine($"Wrote {lexicon.Terms.Count} terms for {lexicon.Themes.Count} themes{weighted} to {settings.Out}.");
        foreach (var theme in lexicon.Themes.Where(t => lexicon.LabelOf(t) != t))
        {
            streams.Out.WriteLine($"  {theme,-24} from '{lexicon.LabelOf(theme)}'");
        }

        streams.Out.WriteLine($"Use it as it is (cpnlp analyze INPUTS --lexicon {settings.Out}), or edit it first.");
        return ExitCodes.Success;
    }
}
