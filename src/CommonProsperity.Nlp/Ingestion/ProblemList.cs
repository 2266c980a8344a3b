namespace CommonProsperity.Nlp.Ingestion;

/// <summary>The two views of a list of problems that reports and the console need.</summary>
public static class ProblemList
{
    /// <summary>The inputs (or records) passed over, in order.</summary>
    public static IReadOnlyList<Problem> Skipped(this IEnumerable<Problem> problems) => Of(problems, ProblemKind.Skipped);

    /// <summary>The warnings, in order.</summary>
    public static IReadOnlyList<Problem> Warnings(this IEnumerable<Problem> problems) => Of(problems, ProblemKind.Warning);

    private static Problem[] Of(IEnumerable<Problem> problems, ProblemKind kind)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return [.. problems.Where(p => p.Kind == kind)];
    }
}
