using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Sends the process's native standard output to <c>/dev/null</c> while it is open. ML.NET's LDA is
/// native code that prints its progress with <c>printf</c>, which no .NET setting can silence, and which
/// would otherwise mix with the command's own output. On Windows, or if any step fails, nothing is
/// redirected and the noise is printed as before. .NET writes made while it is open are lost too, so
/// keep it around the native call only.
/// </summary>
internal sealed class NativeOutputSilencer : IDisposable
{
    private const int StandardOutput = 1;
    private const int WriteOnly = 1;
    private int _saved;

    private NativeOutputSilencer(int saved)
    {
        _saved = saved;
    }

    /// <summary>Starts silencing (a no-op where it cannot be done).</summary>
    public static NativeOutputSilencer Begin()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return new NativeOutputSilencer(-1);
        }

        try
        {
            Console.Out.Flush();
            _ = Flush(IntPtr.Zero);
            var saved = Dup(StandardOutput);
            if (saved < 0)
            {
                return new NativeOutputSilencer(-1);
            }

            var sink = Open("/dev/null\0"u8.ToArray(), WriteOnly);
            if (sink < 0 || Dup2(sink, StandardOutput) < 0)
            {
                _ = Close(saved);
                return new NativeOutputSilencer(-1);
            }

            _ = Close(sink);
            return new NativeOutputSilencer(saved);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new NativeOutputSilencer(-1);
        }
    }

    /// <summary>Flushes what the native code buffered (into the sink) and restores standard output.</summary>
    public void Dispose()
    {
        if (_saved < 0)
        {
            return;
        }

        _ = Flush(IntPtr.Zero);
        _ = Dup2(_saved, StandardOutput);
        _ = Close(_saved);
        _saved = -1;
    }

    // DllImport rather than LibraryImport: the latter needs unsafe code for these signatures.
    [DllImport("libc", EntryPoint = "dup")]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2")]
    private static extern int Dup2(int fd, int fd2);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int fd);

    [DllImport("libc", EntryPoint = "open")]
    private static extern int Open(byte[] path, int flags);

    [DllImport("libc", EntryPoint = "fflush")]
    private static extern int Flush(IntPtr stream);
}
