namespace CommonProsperity.Nlp.Ingestion;

/// <summary>Where problems go, one at a time, as they are met (the one problem channel of every job).</summary>
public interface IProblemSink
{
    /// <summary>Takes one problem.</summary>
    void Report(Problem problem);
}
