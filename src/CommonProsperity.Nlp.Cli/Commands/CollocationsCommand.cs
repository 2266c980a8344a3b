using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;
using static CommonProsperity.Nlp.Cli.Commands.PhraseTable;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp collocations</c>: adjacent pairs of words or Chinese characters that go together more than chance (G², PMI).</summary>
[CommandWords("collocations", 130, "Pairs of words or Chinese characters that stand together more often than chance (G2 log-likelihood, PMI).")]
[CommandExample("corpus/")]
[CommandExample("../shared/corpus", "--language", "zh", "--rank", "pmi", "--min-count", "5")]
internal sealed class CollocationsCommand : Command<CollocationsCommand.Settings>
{
    private const int Shown = 15;

    /// <summary>The options of <c>collocations</c>.</summary>
    public sealed class Settings : PhraseSettings
    {
        /// <summary>The output folder.</summary>
        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for collocations.csv (created if missing)")]
        [DefaultValue("reports/collocations")]
        public string Out { get; init; } = "reports/collocations";

        /// <summary>The ranking measure.</summary>
        [CommandOption("--rank <MEASURE>")]
        [Description("Rank by g2 (log-likelihood: strong and frequent pairs first) or pmi (pointwise mutual information: exclusive pairs first)")]
        [DefaultValue("g2")]
        public string Rank { get; init; } = "g2";

        /// <inheritdoc />
        public override PhraseOptions Options() => new(2, 2, MinCount, Top, ParseUnit(), KeepStopWords, LanguageCode,
            FlagChoice.Parse("--rank", Rank, "a measure", ("g2", PhraseRanking.G2), ("pmi", PhraseRanking.Pmi)));
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var streams = CliStreams.Current;
        var options = settings.Options();
        var result = new CollocationsJob(settings.LoadLexicon())
            .Run(settings.Discovery(settings.Out), settings.By, options, cancellationToken);

        CommandOutput.Problems(streams, result.Problems);
        var pairs = result.Value;
        streams.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pairs.Count} collocation(s) of {Name(options.Unit)} seen at least {options.MinCount} times in {result.Documents} document(s), in {result.Elapsed.TotalSeconds:F1} s; the {Shown} strongest by {options.Ranking.ToString().ToUpperInvariant()} per group and language:"));
        PhraseTable.Write(streams.Out, settings.By, pairs.Where(c => c.Rank <= Shown), c => c.Group,
        [
            new("lang", c => c.Language), new("rank", c => Invariant(c.Rank), true), new("term", c => c.Term), new("count", c => Invariant(c.Score.Count), true),
            new("expected", c => Invariant(c.Score.Expected, "F2"), true), new("G2", c => Invariant(c.Score.G2, "F1"), true),
            new("PMI", c => Invariant(c.Score.Pmi, "F2"), true), new("docs", c => Invariant(c.Documents), true),
        ]);
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
