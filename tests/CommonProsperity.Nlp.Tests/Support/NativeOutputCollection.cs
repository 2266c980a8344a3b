namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Tests that fit LDA models (which redirect the process's standard output while they run) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class NativeOutputCollection
{
    public const string Name = "native standard output";
}
