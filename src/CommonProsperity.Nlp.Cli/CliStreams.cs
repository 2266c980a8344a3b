namespace CommonProsperity.Nlp.Cli;

/// <summary>
/// Where commands write: results to <see cref="Out"/>, warnings, progress and errors to
/// <see cref="Error"/>. Flows with the call (an <see cref="AsyncLocal{T}"/>), so tests can run the
/// command line in-process and read what it printed.
/// </summary>
internal sealed record CliStreams(TextWriter Out, TextWriter Error)
{
    private static readonly AsyncLocal<CliStreams?> CurrentStreams = new();

    /// <summary>The streams of the running command (the console unless a test set others).</summary>
    public static CliStreams Current
    {
        get => CurrentStreams.Value ?? new CliStreams(Console.Out, Console.Error);
        set => CurrentStreams.Value = value;
    }
}
