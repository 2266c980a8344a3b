using System.Diagnostics;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// Odd things to put around an output target: device nodes, named pipes, tmpfs mounts, and a way to
/// read a path's mode, owner, group and identity (<c>stat</c>) before and after a run. Device nodes are
/// created with <c>mknod</c> in a temporary folder (a "null" device <c>c 1 3</c>), never by touching /dev.
/// </summary>
internal static class SpecialFiles
{
    private static readonly Lazy<string?> MknodProblem = new(() => Probe(dir => Run("mknod", Path.Combine(dir, "probe"), "c", "1", "3")));
    private static readonly Lazy<string?> MountProblem = new(() => Probe(dir =>
    {
        var problem = Run("mount", "-t", "tmpfs", "-o", "size=64k", "cpnlp-probe", dir);
        if (problem is null)
        {
            Run("umount", dir);
        }

        return problem;
    }));

    /// <summary>Why device nodes cannot be made here (null if they can).</summary>
    public static string? CannotMknod => MknodProblem.Value;

    /// <summary>Why tmpfs cannot be mounted here (null if it can).</summary>
    public static string? CannotMount => MountProblem.Value;

    /// <summary>Makes a character device at <paramref name="path"/> that behaves as /dev/null.</summary>
    public static void NullDevice(string path) => Check(Run("mknod", path, "c", "1", "3"));

    /// <summary>Makes a named pipe at <paramref name="path"/>.</summary>
    public static void Fifo(string path) => Check(Run("mkfifo", path));

    /// <summary>Mode (octal, with setuid/setgid/sticky), owner, group, device and inode of <paramref name="path"/> (not following a link at its end).</summary>
    public static string Stat(string path) => Output("stat", "-c", "%a %u %g %d %i %F", path);

    /// <summary>Changes the group of <paramref name="path"/> to <paramref name="gid"/>.</summary>
    public static void ChangeGroup(string path, int gid) => Check(Run("chown", $":{gid}", path));

    /// <summary>Runs a program, returning null on success or its error.</summary>
    public static string? Run(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(args[0], args[1..]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{string.Join(' ', args)} failed ({process.ExitCode}): {error.Trim()}";
    }

    private static string Output(params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(args[0], args[1..]) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Trim();
    }

    private static void Check(string? problem) => Assert.True(problem is null, problem);

    private static string? Probe(Func<string, string?> attempt)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "not Linux";
        }

        using var temp = new TempDirectory();
        try
        {
            return attempt(temp.Path);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}

/// <summary>A tmpfs mounted on a folder for one test, always unmounted on dispose.</summary>
internal sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(string path, string options = "size=1m")
    {
        Path = path;
        Directory.CreateDirectory(path);
        var problem = SpecialFiles.Run("mount", "-t", "tmpfs", "-o", options, "cpnlp-test", path);
        Assert.True(problem is null, problem);
    }

    public string Path { get; }

    public void Dispose()
    {
        // Lazy unmount, so that a file still open by a failed test cannot keep the mount alive.
        SpecialFiles.Run("umount", "-l", Path);
    }
}

/// <summary>A test that needs to mount a tmpfs (root in a container that allows it); skipped, with the reason, elsewhere.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (SpecialFiles.CannotMount is { } why)
        {
            Skip = "cannot mount a tmpfs here, so this case is not tested: " + why;
        }
    }
}

/// <summary>A test that needs to make a device node with mknod (root); skipped, with the reason, elsewhere.</summary>
public sealed class MknodFactAttribute : FactAttribute
{
    public MknodFactAttribute()
    {
        if (SpecialFiles.CannotMknod is { } why)
        {
            Skip = "cannot make a device node here, so this case is not tested: " + why;
        }
    }
}
