using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using CommonProsperity.Nlp.Cli;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// The real <c>cpnlp</c> run as a child process (<c>dotnet cpnlp.dll ...</c> from the test's output
/// folder), for the tests that kill it, interrupt it or run two at once. Its output is collected as it
/// comes so that a full pipe never blocks it.
/// </summary>
internal sealed class CpnlpProcess : IDisposable
{
    private static readonly Lazy<bool> EnvResetsSignals = new(() => Exec("env", "--default-signal=INT", "true") == 0);

    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private CpnlpProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The CLI assembly the test project references, copied next to the tests.</summary>
    public static string CliDll => typeof(CpnlpApp).Assembly.Location;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public TimeSpan Elapsed => _clock.Elapsed;

    public int ExitCode => _process.ExitCode;

    public string Out
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_error)
            {
                return _error.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>cpnlp</c> with <paramref name="args"/>. SIGINT is reset to its default first (GNU
    /// <c>env --default-signal</c>), because a test host started in the background by a shell without job
    /// control inherits SIGINT as ignored, and the .NET runtime then never sees Ctrl-C.
    /// </summary>
    public static CpnlpProcess Start(params string[] args) => StartIn(null, args);

    /// <summary>Starts <c>cpnlp</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> (the test's own when null), as <see cref="Start"/> does.</summary>
    public static CpnlpProcess StartIn(string? workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory ?? string.Empty,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (EnvResetsSignals.Value)
        {
            info.FileName = "env";
            info.ArgumentList.Add("--default-signal=INT");
            info.ArgumentList.Add("dotnet");
        }
        else
        {
            info.FileName = "dotnet";
        }

        info.ArgumentList.Add(CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = info };
        var child = new CpnlpProcess(process);
        process.OutputDataReceived += (_, e) => Append(child._out, e.Data);
        process.ErrorDataReceived += (_, e) => Append(child._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <c>cpnlp</c> to the end (at most two minutes) and returns it.</summary>
    public static CpnlpProcess Run(params string[] args)
    {
        var child = Start(args);
        Assert.True(child.WaitForExit(TimeSpan.FromMinutes(2)), $"cpnlp {string.Join(' ', args)} did not finish in two minutes");
        return child;
    }

    /// <summary>Waits for the process to end, including its output streams.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            return false;
        }

        _process.WaitForExit(); // drains the redirected streams
        return true;
    }

    /// <summary>Sends SIGINT, what Ctrl-C in a terminal sends.</summary>
    public void Interrupt()
    {
        Assert.True(kill(_process.Id, SigInt) == 0, $"kill -INT {_process.Id} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>
    /// Stops the process where it is (SIGSTOP), so that it cannot go on, however fast the machine, while the test
    /// looks at it and signals it; <see cref="Resume"/> lets it go on. Signals sent meanwhile wait for it.
    /// </summary>
    /// <remarks>A process that ended meanwhile is left as it is: the caller asks <see cref="HasExited"/> next.</remarks>
    public void Pause()
    {
        if (kill(_process.Id, SigStop) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            Assert.True(_process.HasExited, $"kill -STOP {_process.Id} failed (errno {errno})");
        }
    }

    /// <summary>Lets a paused process go on (SIGCONT).</summary>
    public void Resume()
    {
        Assert.True(kill(_process.Id, SigCont) == 0, $"kill -CONT {_process.Id} failed (errno {Marshal.GetLastPInvokeError()})");
    }

    /// <summary>Kills the process and its children at once (SIGKILL): no clean-up code runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Polls until <paramref name="condition"/> holds or the process ends; true when it held.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            if (_process.HasExited)
            {
                return condition();
            }

            Thread.Sleep(5);
        }

        return false;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    public override string ToString() => $"cpnlp (pid {_process.Id}) stdout:\n{Out}\nstderr:\n{Error}";

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static int Exec(string file, params string[] args)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private const int SigInt = 2;

    // Linux's numbers (x86-64 and ARM64), where these tests run.
    private const int SigCont = 18;
    private const int SigStop = 19;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
