namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// Tests that time child processes or use a lot of memory run on their own, after the parallel tests,
/// so that the rest of the suite does not skew their timings (the CI machine has two cores).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessCollection
{
    public const string Name = "child processes";
}
