using CommonProsperity.Nlp.Cli.Commands;
using CommonProsperity.Nlp.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli;

/// <summary>
/// The <c>cpnlp</c> command line: one command class per verb over the library, errors mapped to exit
/// codes (see <see cref="ExitCodes"/>), messages on standard error.
/// </summary>
public static class CpnlpApp
{
    /// <summary>Runs the command line with <paramref name="args"/> and returns the exit code.</summary>
    public static int Run(string[] args, CancellationToken cancellationToken = default) =>
        Run(args, Console.Out, Console.Error, cancellationToken);

    /// <summary>Runs the command line, writing to the given streams (for in-process tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        CliStreams.Current = new CliStreams(output, error);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("cpnlp");
            config.SetApplicationVersion(ToolVersion.Current);
            config.ConfigureConsole(console);
            config.UseStrictParsing();
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((exception, _) => Report(exception, error));
            Verb(config.AddCommand<AnalyzeCommand>, "analyze",
                "Count the lexicon's themes in files or folders and write CSV reports with the evidence.",
                ["corpus/"], ["texts/", "--lexicon", "my_lexicon.csv", "--out", "reports/texts"], ["archive/", "--shard", "0/4", "--out", "run/shard-0"]);
            Verb(config.AddCommand<MergeCommand>, "merge",
                "Combine the partial results of the shards of a split run (analyze --shard I/N) into the reports of a single run.",
                ["run/shard-0", "run/shard-1", "run/shard-2", "run/shard-3", "--out", "reports"], ["run/shard-*", "--out", "reports", "--evidence-parts"]);
            config.AddBranch("evidence", evidence =>
            {
                evidence.SetDescription("Work with the evidence of a merged run.");
                Verb(evidence.AddCommand<EvidenceAssembleCommand>, "evidence assemble",
                    "Write evidence.csv in a folder merged with --evidence-parts, from the shards' evidence files it lists (checked against their checksums).",
                    ["reports"]);
            });
            Verb(config.AddCommand<TrainCommand>, "train",
                "Train theme classifiers from labelled passages (one per theme), with cross-validated thresholds and metrics.",
                ["--labels", "../shared/labels/train.csv", "--out", "models/themes.model.zip"]);
            Verb(config.AddCommand<EvaluateCommand>, "evaluate",
                "Score a model (and, with --lexicon, a lexicon) on labelled passages: metrics.csv, predictions.csv, confusions.csv.",
                ["--labels", "my_labels.csv", "--lexicon"]);
            Verb(config.AddCommand<ClassifyCommand>, "classify",
                "Classify the sentences (or paragraphs, documents) of files and folders by theme with a trained model.",
                ["corpus/", "--unit", "sentence"]);
            Verb(config.AddCommand<SuggestCommand>, "suggest",
                "Pick the passages the model is least sure about, for you to label next (active learning).",
                ["corpus/", "--count", "50"]);
            Verb(config.AddCommand<TopicsCommand>, "topics",
                "Find topics (LDA) in files or folders; each topic is labelled with its nearest theme.",
                ["corpus/", "--topics", "8"], ["corpus/", "--language", "zh", "--out", "reports/topics-zh"]);
            Verb(config.AddCommand<CompareCommand>, "compare",
                "Compare groups of documents: key words (G2, log ratio) and theme rates with tests.",
                ["corpus/", "--by", "language"], ["laws/", "--vs", "speeches/"]);
            Verb(config.AddCommand<TrendCommand>, "trend",
                "Theme rates per year or month, from the documents' dates.",
                ["corpus/", "--by", "year"]);
            Verb(config.AddCommand<KwicCommand>, "kwic",
                "A concordance (keyword in context) of words or phrases, or of a lexicon theme's terms; --sample draws lines to check by hand.",
                ["corpus/", "--term", "common prosperity", "--term", "共同富裕"], ["corpus/", "--lexicon-theme", "philanthropy", "--sample", "50", "--seed", "7"]);
            Verb(config.AddCommand<NgramsCommand>, "ngrams",
                "The most frequent n-grams of words (English, and Chinese by jieba.NET) or Chinese characters, per group if asked.",
                ["corpus/"], ["../shared/corpus", "--unit", "characters", "--min-size", "2", "--max-size", "4", "--by", "year"]);
            Verb(config.AddCommand<CollocationsCommand>, "collocations",
                "Pairs of words or Chinese characters that stand together more often than chance (G2 log-likelihood, PMI).",
                ["corpus/"], ["../shared/corpus", "--language", "zh", "--rank", "pmi", "--min-count", "5"]);
            config.AddBranch("lexicon", lexicon =>
            {
                lexicon.SetDescription("Work with theme lexicons.");
                Verb(lexicon.AddCommand<LexiconExportCommand>, "lexicon export",
                    "Write the built-in lexicon to a CSV file you can edit and pass back with --lexicon.",
                    ["--out", "my_lexicon.csv"]);
                Verb(lexicon.AddCommand<LexiconConvertCommand>, "lexicon convert",
                    "Write a dictionary (LIWC .dic/.dicx, WordStat, quanteda YAML, Lexicoder, Yoshikoder) as the project's lexicon CSV.",
                    ["moral.dic", "--out", "moral.csv"]);
                Verb(lexicon.AddCommand<LexiconCheckCommand>, "lexicon check",
                    "Compare a lexicon with labelled passages: precision and recall per theme and per term.",
                    ["--labels", "labels.csv"]);
                Verb(lexicon.AddCommand<LexiconSuggestCommand>, "lexicon suggest",
                    "Suggest new lexicon terms per theme from labelled passages, with their precision and support.",
                    ["--labels", "labels.csv"]);
            });
        });
        return app.Run(args, cancellationToken);
    }

    /// <summary>
    /// Registers a command: its words (a branch's command after the branch's name: <c>lexicon check</c>), what it
    /// does, and examples of its arguments, each shown after the command's words.
    /// </summary>
    private static void Verb(Func<string, ICommandConfigurator> add, string words, string description, params string[][] examples)
    {
        var path = words.Split(' ');
        var command = add(path[^1]).WithDescription(description);
        foreach (var example in examples)
        {
            command.WithExample([.. path, .. example]);
        }
    }

    /// <summary>Prints what went wrong and returns the exit code: the one place exceptions become exit codes.</summary>
    internal static int Report(Exception exception, TextWriter error)
    {
        switch (exception)
        {
            case OutOfMemoryException or InsufficientMemoryException:
                // The limits keep every single input within a few GB; this is the machine, not a bug.
                error.WriteLine("error: the run ran out of memory. A file is analysed whole (up to 256 MiB, needing up to 30 bytes of memory per byte), "
                    + "and several are analysed at once: use fewer threads (--threads 1), split the largest files, use less --context, or run on a machine with more memory.");
                return ExitCodes.OutOfMemory;
            case CommonProsperityException known:
                error.WriteLine($"error: {OptionFlags.Describe(known)}");
                return known.ExitCode;
            case OperationCanceledException:
                error.WriteLine("cancelled: the reports already in the output folder were left as they were.");
                return ExitCodes.Cancelled;
            case CommandParseException or CommandRuntimeException:
                error.WriteLine($"error: {exception.Message} (run 'cpnlp --help' or 'cpnlp COMMAND --help' for usage)");
                return ExitCodes.Usage;
            case CommandAppException:
                error.WriteLine($"error: {exception.Message}");
                return ExitCodes.Usage;
            case not null when OutputException.FromSystemError(exception) is { } output:
                error.WriteLine($"error: {OptionFlags.Describe(output)}");
                return output.ExitCode;
            default:
                error.WriteLine($"internal error: {exception}");
                error.WriteLine("This is a bug in cpnlp; please report it with the command you ran.");
                return ExitCodes.Internal;
        }
    }
}
