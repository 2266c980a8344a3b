namespace CommonProsperity.Nlp.Ingestion;

/// <summary>What a <see cref="Problem"/> did to its input.</summary>
public enum ProblemKind
{
    /// <summary>The input, or one record of it, was not analysed.</summary>
    Skipped,

    /// <summary>The input was analysed; something about it deserves a look.</summary>
    Warning,
}
