using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp topics</c>: an LDA topic model of the inputs, each topic labelled with its nearest theme.</summary>
[CommandWords("topics", 80, "Find topics (LDA) in files or folders; each topic is labelled with its nearest theme.")]
[CommandExample("corpus/", "--topics", "8")]
[CommandExample("corpus/", "--language", "zh", "--out", "reports/topics-zh")]
internal sealed class TopicsCommand : Command<TopicsCommand.Settings>
{
    /// <summary>The options of <c>topics</c>.</summary>
    public sealed class Settings : ReportPageSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for topics.csv, document_topics.csv and the chart (created if missing)")]
        [DefaultValue("reports/topics")]
        public string Out { get; init; } = "reports/topics";

        /// <summary>Number of topics.</summary>
        [CommandOption("-k|--topics <K>")]
        [Description("How many topics to find (2-200)")]
        [DefaultValue(8)]
        public int Topics { get; init; } = 8;

        /// <summary>Random seed.</summary>
        [CommandOption("--seed <N>")]
        [Description("Random seed: the same seed, inputs and options give the same topics")]
        [DefaultValue(42)]
        public int Seed { get; init; } = 42;

        /// <summary>Words per topic.</summary>
        [CommandOption("--terms <N>")]
        [Description("Top words listed per topic")]
        [DefaultValue(15)]
        public int Terms { get; init; } = 15;

        /// <summary>Passage length.</summary>
        [CommandOption("--passage-words <N>")]
        [Description("Documents are cut at paragraph ends into passages of at least N content words, which the model treats as documents (0 = whole documents)")]
        [DefaultValue(150)]
        public int PassageWords { get; init; } = 150;

        /// <summary>Minimum word count.</summary>
        [CommandOption("--min-count <N>")]
        [Description("Leave out words seen fewer than N times in the corpus")]
        [DefaultValue(3)]
        public int MinCount { get; init; } = 3;

        /// <summary>Sampling iterations.</summary>
        [CommandOption("--iterations <N>")]
        [Description("Sampling iterations")]
        [DefaultValue(300)]
        public int Iterations { get; init; } = 300;

        /// <summary>Only one language's words.</summary>
        [CommandOption("--language <LANG>")]
        [Description("Model only the words of one language: en or zh (default: all)")]
        public string? Language { get; init; }

        /// <summary>The library's options for these settings.</summary>
        public TopicOptions Options() => new(Topics, Seed, Terms, PassageWords, MinCount, Iterations: Iterations, Language: Language?.Trim().ToLowerInvariant());

        /// <inheritdoc />
        public override ValidationResult Validate() => SettingsValidation.Check(() => Options().Validate());
    }

    /// <summary>The top words printed per topic; topics.csv has <c>--terms</c> of them.</summary>
    internal const int TopWordsShown = 8;

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var options = settings.Options();
        var result = new TopicsJob(settings.LoadLexicon())
            .Run(settings.Discovery(settings.Out) with { Html = !settings.NoHtml }, options, cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var model = result.Value;
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Found {model.Topics.Count} topics in {result.Documents} document(s) ({model.Passages:N0} passages, {model.Words:N0} words, {model.Vocabulary:N0} distinct) in {result.Elapsed.TotalSeconds:F1} s, seed {options.Seed}."));
        // A row per topic, fitted to the terminal's width (the top words wrap); topics.csv has every word with its weight.
        ConsoleTable.Write(streams.Out, ["topic", "share", "theme", "top words"],
            model.Topics.Select(t => (IReadOnlyList<string>)[
                t.Number.ToString(CultureInfo.InvariantCulture), (t.Share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%", t.Theme ?? "-", t.Label(TopWordsShown)]),
            new HashSet<int> { 0, 1 });

        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
