using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;
using static CommonProsperity.Nlp.Cli.Commands.PhraseTable;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp ngrams</c>: the most frequent n-grams of words or Chinese characters, per group if asked.</summary>
[CommandWords("ngrams", 120, "The most frequent n-grams of words (English, and Chinese by jieba.NET) or Chinese characters, per group if asked.")]
[CommandExample("corpus/")]
[CommandExample("../shared/corpus", "--unit", "characters", "--min-size", "2", "--max-size", "4", "--by", "year")]
internal sealed class NgramsCommand : Command<NgramsCommand.Settings>
{
    private const int Shown = 10;

    /// <summary>The options of <c>ngrams</c>.</summary>
    public sealed class Settings : PhraseSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for ngrams.csv (created if missing)")]
        [DefaultValue("reports/ngrams")]
        public string Out { get; init; } = "reports/ngrams";

        /// <summary>Shortest n-gram.</summary>
        [CommandOption("--min-size <N>")]
        [Description("The shortest n-gram, in units")]
        [DefaultValue(2)]
        public int MinSize { get; init; } = 2;

        /// <summary>Longest n-gram.</summary>
        [CommandOption("--max-size <N>")]
        [Description("The longest n-gram, in units (at most 8)")]
        [DefaultValue(3)]
        public int MaxSize { get; init; } = 3;

        /// <inheritdoc />
        public override PhraseOptions Options() => new(MinSize, MaxSize, MinCount, Top, ParseUnit(), KeepStopWords, LanguageCode);
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var options = settings.Options();
        var result = new NgramsJob(settings.LoadLexicon())
            .Run(settings.Discovery(settings.Out), settings.By, options, cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var ngrams = result.Value;
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{ngrams.Count} n-gram(s) of {(options.MinSize == options.MaxSize ? Invariant(options.MinSize) : $"{options.MinSize}-{options.MaxSize}")} {Name(options.Unit)} seen at least {options.MinCount} times in {result.Documents} document(s), in {result.Elapsed.TotalSeconds:F1} s; the {Shown} most frequent per group, language and size:"));
        PhraseTable.Write(streams.Out, settings.By, ngrams.Where(n => n.Rank <= Shown), n => n.Group,
        [
            new("lang", n => n.Language), new("n", n => Invariant(n.Size), true), new("rank", n => Invariant(n.Rank), true), new("term", n => n.Term),
            new("count", n => Invariant(n.Count), true), new("docs", n => Invariant(n.Documents), true), new("per_1000", n => Invariant(n.Per1000, "F2"), true),
        ]);
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
