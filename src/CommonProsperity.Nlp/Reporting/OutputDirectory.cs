using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>
/// The folder reports go to, written atomically: each report is written under a temporary name in
/// the same folder and moved over the old one only when every report of the run is complete, so an
/// interrupted run leaves the previous reports in place, never a half-written file. A lock file keeps
/// two runs from writing the same folder at once.
/// </summary>
public sealed class OutputDirectory : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string LockFileName = ".cpnlp.lock";

    private readonly List<(string Temp, string Final)> _pending = [];
    private readonly FileStream _lock;
    private bool _committed;

    private OutputDirectory(string path, FileStream lockStream)
    {
        FullPath = path;
        _lock = lockStream;
    }

    /// <summary>The folder's absolute path.</summary>
    public string FullPath { get; }

    /// <summary>Creates the folder if needed, checks it can be written, and takes its lock.</summary>
    /// <exception cref="OutputException">The path is a file, cannot be created or written, or another run holds the lock.</exception>
    public static OutputDirectory Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new OutputException("the output path is an existing file, not a folder.", path, "Give a folder with --out (it is created if missing).");
        }

        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot create the output folder ({e.Message}).", path, "Choose a folder you may write to with --out.", e);
        }

        FileStream lockStream;
        try
        {
            lockStream = new FileStream(Path.Combine(full, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OutputException("cannot write in the output folder (permission denied).", path, "Choose a folder you may write to with --out.", e);
        }
        catch (IOException e)
        {
            throw new OutputException($"another cpnlp run is writing to this folder ({e.Message}).", path,
                "Wait for it to finish, or give this run another folder with --out.", e);
        }

        return new OutputDirectory(full, lockStream);
    }

    /// <summary>
    /// A temporary path for the report <paramref name="fileName"/>; it becomes the report on <see cref="Commit"/>.
    /// </summary>
    public string Stage(string fileName)
    {
        var temp = Path.Combine(FullPath, $".{fileName}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        _pending.Add((temp, Path.Combine(FullPath, fileName)));
        return temp;
    }

    /// <summary>Moves every staged report into place, in the order staged. Returns the final paths.</summary>
    public IReadOnlyList<string> Commit()
    {
        var finals = new List<string>();
        try
        {
            foreach (var (temp, final) in _pending)
            {
                File.Move(temp, final, overwrite: true);
                finals.Add(final);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot move a finished report into place ({e.Message}).", FullPath, "Check that no other program holds the reports open, then run again.", e);
        }

        _committed = true;
        return finals;
    }

    /// <summary>Deletes staged files that were not committed and releases the lock.</summary>
    public void Dispose()
    {
        if (!_committed)
        {
            foreach (var (temp, _) in _pending)
            {
                try
                {
                    File.Delete(temp);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Best effort: a leftover temporary file is hidden and harmless; the reports are intact.
                }
            }
        }

        _lock.Dispose();
    }
}
