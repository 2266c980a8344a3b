namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// An option of the library's options types, as messages name it. The library speaks of what the
/// option means ("the output folder"); a front end that calls its options otherwise (the command
/// line's flags) renders the same messages with a format provider that names them its own way
/// (<see cref="Wording"/>), so that the library never needs to know a flag.
/// </summary>
public sealed class OptionName : IFormattable
{
    private OptionName(string meaning) => Meaning = meaning;

    /// <summary>What the option means, as the library's messages say it.</summary>
    public string Meaning { get; }

    /// <summary>Where the reports are written (<c>AnalysisOptions.OutputFolder</c>, <c>DiscoveryOptions.OutputFolder</c>, ...).</summary>
    public static OptionName OutputFolder { get; } = new("the output folder");

    /// <summary>The single file a job writes (a model, a lexicon, a table of suggestions).</summary>
    public static OptionName OutputFile { get; } = new("the output file");

    /// <summary>The lexicon file read instead of the built-in lexicon.</summary>
    public static OptionName LexiconFile { get; } = new("the lexicon file");

    /// <summary>The label files (labelled passages).</summary>
    public static OptionName LabelFiles { get; } = new("the label files");

    /// <summary>The model file read instead of the built-in model.</summary>
    public static OptionName ModelFile { get; } = new("the model file");

    /// <summary>The CSV column that holds a document's text (<c>IngestionOptions.TextColumn</c>).</summary>
    public static OptionName TextColumn { get; } = new("the text column");

    /// <summary>The CSV column that holds a row's id (<c>IngestionOptions.IdColumn</c>).</summary>
    public static OptionName IdColumn { get; } = new("the id column");

    /// <summary>The encoding given for the text inputs instead of detecting it (<c>IngestionOptions.Encoding</c>).</summary>
    public static OptionName Encoding { get; } = new("the encoding option");

    /// <summary>Following symbolic links out of the input folders (<c>IngestionOptions.FollowSymlinks</c>).</summary>
    public static OptionName FollowSymlinks { get; } = new("the option to follow symbolic links");

    /// <summary>Counting a repeated text once (<c>AnalysisOptions.Dedupe</c>).</summary>
    public static OptionName Dedupe { get; } = new("deduplication");

    /// <summary>The characters of context kept each side of a match (<c>AnalysisOptions.ContextCharacters</c>).</summary>
    public static OptionName Context { get; } = new("the context width");

    /// <summary>What the evidence file keeps of each match (<c>AnalysisOptions.Evidence</c>: full, offsets or none).</summary>
    public static OptionName Evidence { get; } = new("the kind of evidence");

    /// <summary>Where a merge puts the evidence: left in the shards' folders and listed, or copied (<c>MergeOptions.Evidence</c>: parts or copy).</summary>
    public static OptionName MergeEvidence { get; } = new("the merge's evidence option");

    /// <summary>Which part of a split run this is (<c>ShardSpec</c>, I/N).</summary>
    public static OptionName Shard { get; } = new("the shard");

    /// <summary>The folds of cross-validation (<c>TrainingOptions.Folds</c>).</summary>
    public static OptionName Folds { get; } = new("the number of folds");

    /// <summary>The fewest labelled passages a suggested term must match (<c>SuggestOptions.MinSupport</c>).</summary>
    public static OptionName MinSupport { get; } = new("the minimum support");

    /// <summary>The lowest precision a suggested term may have (<c>SuggestOptions.MinPrecision</c>).</summary>
    public static OptionName MinPrecision { get; } = new("the minimum precision");

    /// <summary>How many candidates or words are listed (<c>SuggestOptions.Top</c>, <c>KeynessOptions.Top</c>).</summary>
    public static OptionName Top { get; } = new("the number listed");

    /// <summary>The number of topics (<c>TopicOptions.Topics</c>).</summary>
    public static OptionName Topics { get; } = new("the number of topics");

    /// <summary>The words listed per topic (<c>TopicOptions.TermsPerTopic</c>).</summary>
    public static OptionName TermsPerTopic { get; } = new("the number of words per topic");

    /// <summary>The length of the passages topics are modelled on (<c>TopicOptions.PassageWords</c>).</summary>
    public static OptionName PassageWords { get; } = new("the passage length in words");

    /// <summary>How often a word must occur to be counted (<c>TopicOptions.MinWordCount</c>, <c>KeynessOptions.MinCount</c>).</summary>
    public static OptionName MinCount { get; } = new("the minimum count");

    /// <summary>The sampler's iterations (<c>TopicOptions.Iterations</c>).</summary>
    public static OptionName Iterations { get; } = new("the number of iterations");

    /// <summary>The one language kept (<c>TopicOptions.Language</c>, the discovery jobs' language).</summary>
    public static OptionName Language { get; } = new("the language");

    /// <summary>What documents are grouped by (a field, or the period of a trend).</summary>
    public static OptionName GroupBy { get; } = new("the grouping");

    /// <summary>A second set of inputs to compare with.</summary>
    public static OptionName Versus { get; } = new("the second set of inputs");

    /// <summary>The number of concordance lines drawn at random to check by hand.</summary>
    public static OptionName Sample { get; } = new("the sample size");

    /// <summary>The L2 regularisation of the classifiers (<c>TrainingOptions.L2</c>).</summary>
    public static OptionName L2 { get; } = new("the L2 regularisation");

    /// <summary>The feature groups of the classifiers (<c>TrainingOptions.Features</c>).</summary>
    public static OptionName Features { get; } = new("the feature set");

    /// <summary>How far the thresholds move back toward 0.5 (<c>TrainingOptions.ThresholdShrink</c>).</summary>
    public static OptionName ThresholdShrink { get; } = new("the threshold shrink");

    /// <summary>The bootstrap's resamples (<c>BootstrapOptions.Resamples</c>).</summary>
    public static OptionName Resamples { get; } = new("the number of bootstrap resamples");

    /// <summary>The largest p-value listed (<c>KeynessOptions.MaxP</c>).</summary>
    public static OptionName MaxP { get; } = new("the p-value limit");

    /// <summary>The meaning; the same as <see cref="ToString(string?, IFormatProvider?)"/> without names.</summary>
    public override string ToString() => Meaning;

    /// <summary>
    /// How <paramref name="provider"/> names this option, when it gives names (its <c>GetFormat(typeof(OptionName))</c>
    /// is a dictionary from options to names that holds this one); else the meaning.
    /// </summary>
    public string ToString(string? format, IFormatProvider? provider) =>
        FrontEndNames.Of(this, Meaning, provider);
}
