using System.Runtime.InteropServices;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>
/// The folder reports go to, replaced as a whole: a run writes its reports into a hidden staging folder
/// beside the output folder, and only when every report is complete does the staging folder take the
/// output folder's place in one atomic step (Linux <c>renameat2(RENAME_EXCHANGE)</c>; a new output
/// folder is a plain rename). Killing the run at any moment therefore leaves either the previous
/// reports or the complete new ones, never a mix. Files in the output folder that the run does not
/// write (other commands' reports, your notes) are carried over by hard links before the swap.
/// A lock file beside the folder keeps two runs from writing it at once.
/// Where the atomic exchange is not available (another operating system, a file system without it, or
/// an output folder that holds the current directory), reports are moved into place one by one.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    private const uint RenameExchange = 2;
    private const int AtFdCwd = -100;

    private readonly List<(string Staged, string Final)> _pending = [];
    private readonly FileStream _lock;
    private readonly string _staging;
    private bool _committed;

    private OutputDirectory(string path, string staging, FileStream lockStream)
    {
        FullPath = path;
        _staging = staging;
        _lock = lockStream;
    }

    /// <summary>The output folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>Checks the folder can be written, takes its lock and prepares a staging folder beside it.</summary>
    /// <exception cref="OutputException">The path is a file, cannot be created or written, or another run holds the lock.</exception>
    public static OutputDirectory Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full))
        {
            throw new OutputException("the output path is an existing file, not a folder.", path, "Give a folder with --out (it is created if missing).");
        }

        var parent = Path.GetDirectoryName(full) ?? throw new OutputException("the output folder cannot be the root of the file system.", path, "Give a folder with --out.");
        var name = Path.GetFileName(full);
        try
        {
            Directory.CreateDirectory(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot create the output folder ({e.Message}).", path, "Choose a folder you may write to with --out.", e);
        }

        FileStream lockStream;
        try
        {
            lockStream = new FileStream(Path.Combine(parent, $".{name}.cpnlp.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputException("cannot write beside the output folder (permission denied).", path, "Choose a folder you may write to with --out.", e);
        }
        catch (IOException e) when (Directory.Exists(parent))
        {
            throw new OutputException($"another cpnlp run is writing to this folder ({e.Message}).", path,
                "Wait for it to finish, or give this run another folder with --out.", e);
        }

        // Staging folders left by runs that were killed are stale now that we hold the lock.
        foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.cpnlp-*"))
        {
            DeleteQuietly(stale);
        }

        var staging = Path.Combine(parent, $".{name}.cpnlp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lockStream.Dispose();
            throw new OutputException($"cannot write beside the output folder ({e.Message}).", path, "Choose a folder you may write to with --out.", e);
        }

        return new OutputDirectory(full, staging, lockStream);
    }

    /// <summary>
    /// The path to write the report <paramref name="fileName"/> to; it becomes part of the output folder on <see cref="Commit"/>.
    /// </summary>
    public string Stage(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var staged = Path.Combine(_staging, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        _pending.Add((staged, Path.Combine(FullPath, fileName)));
        return staged;
    }

    /// <summary>Where a report staged earlier is being written.</summary>
    public string StagedPath(string fileName) => Path.Combine(_staging, fileName);

    /// <summary>Puts every staged report in place at once. Returns the final paths, in the order staged.</summary>
    /// <exception cref="OutputException">The reports cannot be put in place; the previous ones are intact.</exception>
    public IReadOnlyList<string> Commit()
    {
        try
        {
            if (!Directory.Exists(FullPath))
            {
                Directory.Move(_staging, FullPath);
            }
            else if (CanExchange())
            {
                CarryOver(FullPath, _staging);
                if (renameat2(AtFdCwd, _staging, AtFdCwd, FullPath, RenameExchange) != 0)
                {
                    MoveOneByOne();
                }
            }
            else
            {
                MoveOneByOne();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot put the finished reports in place ({e.Message}).", FullPath, "Check that no other program holds the reports open, then run again.", e);
        }

        _committed = true;
        DeleteQuietly(_staging); // after an exchange, the previous reports are here
        return _pending.Select(p => p.Final).ToArray();
    }

    /// <summary>Removes the staging folder (the previous reports, after a commit) and releases the lock.</summary>
    public void Dispose()
    {
        if (!_committed || Directory.Exists(_staging))
        {
            DeleteQuietly(_staging);
        }

        _lock.Dispose();
    }

    private bool CanExchange()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // Swapping the folder that holds the current directory would leave the process in the old copy.
        var current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Environment.CurrentDirectory));
        return !(current == FullPath || current.StartsWith(FullPath + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    /// <summary>Hard-links (or, across devices, copies) what the run does not replace into the staging folder.</summary>
    private static void CarryOver(string from, string to)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(from))
        {
            var target = Path.Combine(to, Path.GetFileName(entry));
            if (Path.Exists(target))
            {
                if (Directory.Exists(entry) && Directory.Exists(target))
                {
                    CarryOver(entry, target);
                }

                continue;
            }

            if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
            {
                Directory.CreateDirectory(target);
                CarryOver(entry, target);
            }
            else if (new FileInfo(entry).LinkTarget is { } linkTarget)
            {
                File.CreateSymbolicLink(target, linkTarget);
            }
            else if (HardLink(entry, target) != 0)
            {
                File.Copy(entry, target);
            }
        }
    }

    private void MoveOneByOne()
    {
        Directory.CreateDirectory(FullPath);
        foreach (var (staged, final) in _pending)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(staged, final, overwrite: true);
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover hidden staging folder is harmless; the reports are intact.
        }
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int renameat2(int olddirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, int newdirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath, uint flags);

    [DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int HardLink([MarshalAs(UnmanagedType.LPUTF8Str)] string oldpath, [MarshalAs(UnmanagedType.LPUTF8Str)] string newpath);
}
