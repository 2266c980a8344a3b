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

    // Standard output belongs to the process: overlapping silencers (two fits on two threads) share one
    // redirection, made by the first and undone by the last, so the real output is never lost.
    private static readonly Lock Gate = new();
    private static int _open;
    private static int _saved = -1;
    private bool _disposed;

    private NativeOutputSilencer()
    {
    }

    /// <summary>Starts silencing (a no-op where it cannot be done).</summary>
    public static NativeOutputSilencer Begin()
    {
        lock (Gate)
        {
            if (_open++ == 0)
            {
                _saved = Redirect();
            }
        }

        return new NativeOutputSilencer();
    }

    /// <summary>Ends this silencer; the last one to end flushes what the native code buffered (into the sink) and restores standard output.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        lock (Gate)
        {
            if (--_open == 0 && _saved >= 0)
            {
                _ = Flush(IntPtr.Zero);
                _ = Dup2(_saved, StandardOutput);
                _ = Close(_saved);
                _saved = -1;
            }
        }
    }

    /// <summary>Points file descriptor 1 at /dev/null; returns a duplicate of the original, or -1 when nothing was redirected.</summary>
    private static int Redirect()
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
        {
            return -1;
        }

        try
        {
            Console.Out.Flush();
            _ = Flush(IntPtr.Zero);
            var saved = Dup(StandardOutput);
            if (saved < 0)
            {
                return -1;
            }

            var sink = Open("/dev/null\0"u8.ToArray(), WriteOnly);
            if (sink < 0 || Dup2(sink, StandardOutput) < 0)
            {
                _ = Close(saved);
                return -1;
            }

            _ = Close(sink);
            return saved;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
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
