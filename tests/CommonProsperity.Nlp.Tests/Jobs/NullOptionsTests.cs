using System.Reflection;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// A library caller who passes null for an options object, or an options record whose own options object is
/// null, gets an <see cref="ArgumentNullException"/> naming it, before anything is read or written, never a
/// <see cref="NullReferenceException"/> from deep inside a job.
/// </summary>
public class NullOptionsTests
{
    private static readonly IngestionOptions Ingestion = new();
    private static readonly DiscoveryOptions Discovery = new(["in"], "out", Ingestion);
    private static readonly LabelSet NoLabels = new([], [], []);
    private static readonly Lazy<ThemeModel> Model = new(() => ThemeModel.Load(Path.Combine(TestPaths.RepoRoot, "models", "themes.model.zip")));

    /// <summary>
    /// Each case: the method and parameter, the parameter (or record property) left null, and the call. A job's own
    /// test class may hold its cases instead, in a public static <c>NullOptionsCalls()</c> of the same shape, which
    /// are added to these (so a new job needs no line here).
    /// </summary>
    public static TheoryData<string, string, Action> Calls()
    {
        var calls = Listed();
        var elsewhere = typeof(NullOptionsTests).Assembly.GetTypes()
            .Select(t => t.GetMethod("NullOptionsCalls", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes))
            .Where(m => m is not null && m.ReturnType == typeof(TheoryData<string, string, Action>));
        foreach (var method in elsewhere)
        {
            foreach (var call in (TheoryData<string, string, Action>)method!.Invoke(null, null)!)
            {
                calls.Add((string)call[0], (string)call[1], (Action)call[2]);
            }
        }

        return calls;
    }

    private static TheoryData<string, string, Action> Listed() => new()
    {
        { "AnalysisPipeline.Run(options)", "options", () => new AnalysisPipeline(DefaultLexicon.Instance).Run(null!) },
        { "AnalysisPipeline.Run(options)", "Ingestion", () => new AnalysisPipeline(DefaultLexicon.Instance).Run(new AnalysisOptions(["in"], "out", null!)) },
        { "NgramsJob.Run(options)", "options", () => new NgramsJob(DefaultLexicon.Instance).Run(null!, null, new PhraseOptions()) },
        { "NgramsJob.Run(phrases)", "phrases", () => new NgramsJob(DefaultLexicon.Instance).Run(Discovery, null, null!) },
        { "CollocationsJob.Run(options)", "options", () => new CollocationsJob(DefaultLexicon.Instance).Run(null!, null, new PhraseOptions()) },
        { "CollocationsJob.Run(phrases)", "phrases", () => new CollocationsJob(DefaultLexicon.Instance).Run(Discovery, null, null!) },
        { "NgramsJob.Run(options)", "Ingestion", () => new NgramsJob(DefaultLexicon.Instance).Run(Discovery with { Ingestion = null! }, null, new PhraseOptions()) },
        { "TopicsJob.Run(options)", "options", () => new TopicsJob(DefaultLexicon.Instance).Run(null!, new TopicOptions()) },
        { "TopicsJob.Run(topics)", "topics", () => new TopicsJob(DefaultLexicon.Instance).Run(Discovery, null!) },
        { "KwicJob.Run(options)", "options", () => new KwicJob(DefaultLexicon.Instance).Run(null!, new ConcordanceOptions()) },
        { "KwicJob.Run(concordance)", "concordance", () => new KwicJob(DefaultLexicon.Instance).Run(Discovery, null!) },
        { "CompareJob.Run(options)", "options", () => new CompareJob(DefaultLexicon.Instance).Run(null!, null, null, new KeynessOptions()) },
        { "CompareJob.Run(keyness)", "keyness", () => new CompareJob(DefaultLexicon.Instance).Run(Discovery, null, null, null!) },
        { "TrendJob.Run(options)", "options", () => new TrendJob(DefaultLexicon.Instance).Run(null!, TrendPeriod.Year) },
        { "TrendJob.Run(chart)", "chart", () => new TrendJob(DefaultLexicon.Instance).Run(Discovery, TrendPeriod.Year, null!) },
        { "TermTrendJob.Run(options)", "options", () => new TermTrendJob(["慈善"]).Run(null!, TrendPeriod.Year, new TrendChartOptions()) },
        { "TermTrendJob.Run(chart)", "chart", () => new TermTrendJob(["慈善"]).Run(Discovery, TrendPeriod.Year, null!) },
        { "TrainJob.Run(options)", "options", () => new TrainJob(DefaultLexicon.Instance).Run(null!) },
        { "TrainJob.Run(options)", "options.Training", () => new TrainJob(DefaultLexicon.Instance).Run(new TrainOptions(["labels.csv"], "model.zip", null!)) },
        { "ClassifyJob.Run(options)", "options", () => new ClassifyJob(Model.Value).Run(null!) },
        { "ClassifyJob.Run(options)", "options.Ingestion", () => new ClassifyJob(Model.Value).Run(new PassageOptions(["in"], "out", null!)) },
        { "SuggestJob.Run(options)", "options", () => new SuggestJob(Model.Value).Run(null!, 10) },
        { "SuggestJob.Run(options)", "options.Ingestion", () => new SuggestJob(Model.Value).Run(new PassageOptions(["in"], "out", null!), 10) },
        { "EvaluateJob.Run(bootstrap)", "bootstrap", () => new EvaluateJob(Model.Value, "model.zip").Run(NoLabels, null, null!, "out") },
        { "LexiconSuggestJob.Run(options)", "options", () => new LexiconSuggestJob(DefaultLexicon.Instance).Run(NoLabels, null!, "out") },
        { "ShardMerger.Merge(options)", "options", () => new ShardMerger().Merge(["shard-0"], "out", (MergeOptions)null!) },
        { "DocumentSource..ctor(options)", "options", () => _ = new DocumentSource(null!) },
    };

    [Theory]
    [MemberData(nameof(Calls))]
    public void Run_NullOptions_ThrowsArgumentNullExceptionNamingThem(string method, string parameter, Action call)
    {
        var error = Assert.Throws<ArgumentNullException>(call);

        Assert.True(parameter == error.ParamName, $"{method}: null {parameter} threw for {error.ParamName}");
    }

    /// <summary>Every public method of the library's jobs that takes an options object is among the cases above.</summary>
    [Fact]
    public void Calls_CoverEveryPublicJobParameterThatIsAnOptionsObject()
    {
        var covered = Calls().Select(call => (string)call[0]).ToHashSet(StringComparer.Ordinal);

        var options = typeof(AnalysisPipeline).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(AnalysisPipeline).Namespace && t.IsClass && !t.Name.EndsWith("Options", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Where(p => !p.ParameterType.IsValueType && p.ParameterType.Name.EndsWith("Options", StringComparison.Ordinal)
                        && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.NotNull)
                    .Select(p => $"{t.Name}.{m.Name}({p.Name})")))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(options);
        Assert.All(options, option => Assert.Contains(option, covered));
    }
}
