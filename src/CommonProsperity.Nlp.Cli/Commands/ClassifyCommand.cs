using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp classify</c>: passages of documents classified by theme with a trained model.</summary>
[CommandWords("classify", 60, "Classify the sentences (or paragraphs, documents) of files and folders by theme with a trained model.")]
[CommandExample("corpus/", "--unit", "sentence")]
internal sealed class ClassifyCommand : Command<ClassifyCommand.Settings>
{
    /// <summary>The options of <c>classify</c>.</summary>
    public sealed class Settings : PassageSettings
    {
    /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for passages.csv and theme_frequency_classifier.csv")]
        [DefaultValue("reports")]
        public string Out { get; init; } = "reports";
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var model = settings.LoadModel();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = new ClassifyJob(model).Run(settings.Passages(settings.Out), cancellationToken);
        CommandOutput.Problems(streams, result.Problems);
        ModelOption.SayUnclassifiedThemes(streams.Error, model);

        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Classified {result.Passages:N0} {settings.Unit}(s) of {result.Documents} document(s) in {clock.Elapsed.TotalSeconds:F1} s ({result.Passages / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):N0} passages/s)."));
        streams.Out.WriteLine($"Reports in {Path.GetFullPath(settings.Out)}: passages.csv, theme_frequency_classifier.csv");
        return CommandOutput.Finish(streams, result.Problems, "see above");
    }
}
