using System.ComponentModel;
using System.Globalization;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Jobs;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary><c>cpnlp collocations</c>: adjacent pairs of words or Chinese characters that go together more than chance (G², PMI).</summary>
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
        public override PhraseOptions Options() => new(2, 2, MinCount, Top, ParseUnit(), KeepStopWords, LanguageCode, Rank.Trim().ToLowerInvariant() switch
        {
            "g2" => PhraseRanking.G2,
            "pmi" => PhraseRanking.Pmi,
            _ => throw new OptionsException($"--rank {Rank} is not a measure.", $"Use --rank g2 or --rank pmi."),
        });
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
            $"{pairs.Count} collocation(s) of {NgramsCommand.Name(options.Unit)} seen at least {options.MinCount} times in {result.Documents} document(s), in {result.Elapsed.TotalSeconds:F1} s; the {Shown} strongest by {options.Ranking.ToString().ToUpperInvariant()} per group and language:"));
        var grouped = !string.IsNullOrWhiteSpace(settings.By);
        List<string> headers = [.. grouped ? ["group"] : Array.Empty<string>(), "lang", "rank", "term", "count", "expected", "G2", "PMI", "docs"];
        var first = grouped ? 1 : 0;
        ConsoleTable.Write(streams.Out, headers,
            pairs.Where(c => c.Rank <= Shown).Select(c => (IReadOnlyList<string>)[
                .. grouped ? [c.Group] : Array.Empty<string>(), c.Language, NgramsCommand.Invariant(c.Rank), c.Term, NgramsCommand.Invariant(c.Score.Count),
                c.Score.Expected.ToString("F2", CultureInfo.InvariantCulture), c.Score.G2.ToString("F1", CultureInfo.InvariantCulture),
                c.Score.Pmi.ToString("F2", CultureInfo.InvariantCulture), NgramsCommand.Invariant(c.Documents)]),
            new HashSet<int> { first + 1, first + 3, first + 4, first + 5, first + 6, first + 7 });
        CommandOutput.Reports(streams, settings.Out, result.Reports);
        return CommandOutput.Finish(streams, result.Problems);
    }
}
