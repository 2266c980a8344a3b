namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// A sink that keeps the problems in the order they were reported. Safe to report to from several
/// threads, though the order is then theirs; jobs that promise an order keep one log per file and
/// copy the logs in input order.
/// </summary>
public sealed class ProblemLog : IProblemSink
{
    private readonly List<Problem> _problems = [];
    private readonly Lock _lock = new();

    /// <summary>Creates an empty log.</summary>
    public ProblemLog()
    {
    }

    /// <summary>Creates a log holding <paramref name="problems"/>, in order.</summary>
    public ProblemLog(IEnumerable<Problem> problems) => _problems.AddRange(problems);

    /// <summary>Every problem, in the order reported.</summary>
    public IReadOnlyList<Problem> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>The inputs (or records) passed over, in order.</summary>
    public IReadOnlyList<Problem> Skipped => All.Skipped();

    /// <summary>The warnings, in order.</summary>
    public IReadOnlyList<Problem> Warnings => All.Warnings();

    /// <inheritdoc />
    public void Report(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        lock (_lock)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Reports each of <paramref name="problems"/>, in order.</summary>
    public void ReportAll(IEnumerable<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            Report(problem);
        }
    }

    /// <summary>Returns every problem reported so far, in order, and empties the log.</summary>
    public IReadOnlyList<Problem> TakeAll()
    {
        lock (_lock)
        {
            Problem[] all = [.. _problems];
            _problems.Clear();
            return all;
        }
    }
}
