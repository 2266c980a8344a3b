using System.Globalization;

/// <summary>
/// Loaded into a .NET process by <c>DOTNET_STARTUP_HOOKS</c> (bench/alloc.sh): at exit it appends one line to the
/// file named by <c>CPNLP_ALLOC_OUT</c> with the bytes the process allocated on the managed heap and its
/// garbage collections by generation. The tool itself is not changed, and prints nothing of this.
/// </summary>
#pragma warning disable CA1050 // the runtime looks for StartupHook in the global namespace
internal static class StartupHook
#pragma warning restore CA1050
{
    /// <summary>Called by the runtime before Main.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("CPNLP_ALLOC_OUT") is not { Length: > 0 } path)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"allocated_bytes={GC.GetTotalAllocatedBytes(precise: true)} gen0={GC.CollectionCount(0)} gen1={GC.CollectionCount(1)} gen2={GC.CollectionCount(2)} pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:0} heap_peak_committed_bytes={info.TotalCommittedBytes}{Environment.NewLine}");
            File.AppendAllText(path, line);
        };
    }
}
