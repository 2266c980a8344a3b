using System.Globalization;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// How the command line names the library's options and jobs: each <see cref="OptionName"/> the library's
/// messages speak of (by its meaning) is printed as the flag that sets it, each <see cref="JobName"/> as its
/// command. The one place that maps the library's errors and problems to flags and commands; everything else
/// is formatted in the invariant culture.
/// </summary>
internal sealed class OptionFlags : IFormatProvider
{
    private OptionFlags()
    {
    }

    /// <summary>The provider to render messages with (<see cref="CommonProsperityException.Describe"/>, <see cref="Ingestion.Problem.Describe"/>).</summary>
    public static OptionFlags Instance { get; } = new();

    /// <summary>Each option's flag.</summary>
    public static IReadOnlyDictionary<OptionName, string> Flags { get; } = new Dictionary<OptionName, string>
    {
        [OptionName.OutputFolder] = "--out",
        [OptionName.OutputFile] = "--out",
        [OptionName.LexiconFile] = "--lexicon",
        [OptionName.LabelFiles] = "--labels",
        [OptionName.ModelFile] = "--model",
        [OptionName.TextColumn] = "--text-column",
        [OptionName.IdColumn] = "--id-column",
        [OptionName.FollowSymlinks] = "--follow-symlinks",
        [OptionName.Encoding] = "--encoding",
        [OptionName.Dedupe] = "--dedupe",
        [OptionName.Context] = "--context",
        [OptionName.Evidence] = "--evidence",
        [OptionName.MergeEvidence] = "--evidence",
        [OptionName.Shard] = "--shard",
        [OptionName.Folds] = "--folds",
        [OptionName.MinSupport] = "--min-support",
        [OptionName.MinPrecision] = "--min-precision",
        [OptionName.Top] = "--top",
        [OptionName.Topics] = "--topics",
        [OptionName.TermsPerTopic] = "--terms",
        [OptionName.PassageWords] = "--passage-words",
        [OptionName.MinCount] = "--min-count",
        [OptionName.Iterations] = "--iterations",
        [OptionName.Language] = "--language",
        [OptionName.GroupBy] = "--by",
        [OptionName.Versus] = "--vs",
        [OptionName.MaxP] = "--max-p",
        [OptionName.Sample] = "--sample",
        [OptionName.L2] = "--l2",
        [OptionName.Features] = "--features",
        [OptionName.ThresholdShrink] = "--threshold-shrink",
        [OptionName.Resamples] = "--resamples",
    };

    /// <summary>Each job's command, as a message names it.</summary>
    public static IReadOnlyDictionary<JobName, string> Commands { get; } = new Dictionary<JobName, string>
    {
        [JobName.Train] = "'cpnlp train'",
        [JobName.LexiconExport] = "'cpnlp lexicon export'",
    };

    /// <summary><paramref name="exception"/>'s message with flags for options.</summary>
    public static string Describe(CommonProsperityException exception) => exception.Describe(Instance);

    /// <summary><paramref name="problem"/>'s text with flags for options.</summary>
    public static string Describe(Ingestion.Problem problem) => problem.Describe(Instance);

    /// <inheritdoc />
    public object? GetFormat(Type? formatType) =>
        formatType == typeof(OptionName) ? Flags : formatType == typeof(JobName) ? Commands : CultureInfo.InvariantCulture.GetFormat(formatType);
}
