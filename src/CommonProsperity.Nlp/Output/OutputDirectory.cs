using System.Text.Json;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The folder reports go to. The folder itself is never moved, renamed, re-created or changed (its mode,
/// owner, ACLs, the mounts and other files in it stay as they are); a symbolic link to a folder is
/// followed. A run writes its reports into a hidden staging folder inside the output folder (so on the
/// same file system) and, when every report is complete, commits them: it writes a small journal
/// (<c>.cpnlp-commit.json</c>) listing the steps, renames each report over its final name
/// (<c>manifest.json</c> last), removes the reports of the previous run that this run does not write
/// again (those listed in the previous <c>manifest.json</c>), then deletes the journal. If the run is
/// killed during those renames, the next run that opens the folder finds the journal and completes the
/// steps first, so that once any cpnlp command has opened the folder again it holds one whole set.
/// Between the first rename and the last, a reader can see some new reports beside the previous
/// <c>manifest.json</c>; the new <c>manifest.json</c> appears only when every other report is in place.
/// A lock file in the folder (<c>.cpnlp.lock</c>) keeps two runs from writing it at once.
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    /// <summary>Every hidden entry the tool makes in an output folder starts with this.</summary>
    internal const string HiddenPrefix = ".cpnlp";

    private const string LockName = ".cpnlp.lock";
    private const string JournalName = ".cpnlp-commit.json";
    private const string StagingPrefix = ".cpnlp-staging-";

    private readonly List<(string Name, string Staged)> _pending = [];
    private readonly HashSet<string> _kept = new(StringComparer.Ordinal);
    private readonly FileStream _lock;
    private readonly string _staging;
    private readonly bool _created;
    private bool _committed;
    private bool _journalWritten;

    private OutputDirectory(string path, string staging, FileStream lockStream, bool created)
    {
        FullPath = path;
        _staging = staging;
        _lock = lockStream;
        _created = created;
    }

    /// <summary>The output folder's absolute path (as given: a symbolic link stays a link).</summary>
    public string FullPath { get; }

    /// <summary>Called after each rename of a commit with the number done so far; tests throw from it to simulate a run killed mid-commit.</summary>
    internal Action<int>? AfterRename { get; set; }

    /// <summary>
    /// Checks the folder can be written (creating it if missing), takes its lock, completes a commit a
    /// killed run left half done, removes what killed runs left behind, and prepares a staging folder.
    /// </summary>
    /// <exception cref="OutputException">The path is not a folder, cannot be created or written, or another run holds the lock.</exception>
    public static OutputDirectory Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var created = CreateIfMissing(path, full);
        var lockStream = Lock(path, full);
        try
        {
            Recover(full);
            var staging = Path.Combine(full, $"{StagingPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
            Directory.CreateDirectory(staging);
            return new OutputDirectory(full, staging, lockStream, created);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            lockStream.Dispose();
            throw new OutputException($"cannot write in the output folder ({FileSystemError.Describe(e, full)}).", path, Wording.Of($"Choose a folder you may write to for {OptionName.OutputFolder}."), e);
        }
    }

    /// <summary>
    /// Completes the commit a killed run left half done in <paramref name="folder"/>, if any, and removes
    /// staging folders and temporary files of killed runs (called with the lock held).
    /// </summary>
    private static void Recover(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var journal = Path.Combine(folder, JournalName);
        if (File.Exists(journal))
        {
            foreach (var step in ReadJournal(journal))
            {
                Apply(folder, step, afterRename: null);
            }

            File.Delete(journal);
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, HiddenPrefix + "-*"))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith(StagingPrefix, StringComparison.Ordinal) && FileStatus.Of(entry, followLink: false).Kind == FileKind.Directory)
            {
                Directory.Delete(entry, recursive: true);
            }
            else if (name.EndsWith(".tmp", StringComparison.Ordinal) && FileStatus.Of(entry, followLink: false).Kind == FileKind.Regular)
            {
                File.Delete(entry);
            }
        }
    }

    /// <summary>
    /// The path to write the report <paramref name="fileName"/> to; it becomes part of the output folder on <see cref="Commit"/>.
    /// </summary>
    public string Stage(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!IsOwnName(fileName))
        {
            throw new ArgumentException($"a report name must be a relative path inside the folder: {fileName}", nameof(fileName));
        }

        var staged = Path.Combine(_staging, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        _pending.Add((fileName, staged));
        return staged;
    }

    /// <summary>
    /// Keeps the reports <paramref name="fileNames"/> of the previous run, which the manifest this run
    /// stages lists too (a run that adds a report to a folder), so that the commit does not remove them.
    /// </summary>
    public void Keep(IEnumerable<string> fileNames)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        _kept.UnionWith(fileNames);
    }

    /// <summary>Where a report staged earlier is being written.</summary>
    public string StagedPath(string fileName) => Path.Combine(_staging, fileName);

    /// <summary>A path for a temporary file of the run, on the output folder's file system; it is never committed, and is removed with the staging folder.</summary>
    internal string ScratchPath(string fileName) => Path.Combine(_staging, "." + fileName);

    /// <summary>Puts every staged report in place (see the class summary). Returns the final paths, in the order staged.</summary>
    /// <exception cref="OutputException">The reports cannot be put in place; the previous ones are intact, or the next open completes the commit.</exception>
    public IReadOnlyList<string> Commit()
    {
        IReadOnlyList<Step> steps;
        try
        {
            steps = Plan();
            WriteJournal(steps);
            _journalWritten = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot put the finished reports in place ({FileSystemError.Describe(e, FullPath)}); the previous reports were left as they were.", FullPath,
                Wording.Of($"Free some space or choose another folder for {OptionName.OutputFolder}, then run again."), e);
        }

        try
        {
            var renamed = 0;
            foreach (var step in steps)
            {
                Apply(FullPath, step, step.From is null ? null : () => AfterRename?.Invoke(++renamed));
            }

            File.Delete(Path.Combine(FullPath, JournalName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"the commit of the finished reports stopped half way ({FileSystemError.Describe(e, FullPath)}).", FullPath,
                "Run any cpnlp command on this folder again: it completes the commit first.", e);
        }

        _committed = true;
        DeleteQuietly(_staging);
        return _pending.Select(p => Path.Combine(FullPath, p.Name)).ToArray();
    }

    /// <summary>
    /// Removes the staging folder and releases the lock; a folder this run created and left empty is removed.
    /// A commit that stopped half way keeps its staging folder and journal, for the next open to complete.
    /// </summary>
    public void Dispose()
    {
        if (_committed || !_journalWritten)
        {
            DeleteQuietly(_staging);
        }

        try
        {
            File.Delete(_lock.Name); // while still holding the lock, so the next run cannot lock a file about to vanish
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover lock file is harmless: the next run locks it again.
        }

        _lock.Dispose();
        if (_created && !_committed && !_journalWritten)
        {
            try
            {
                Directory.Delete(FullPath); // only if empty
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Someone put something there meanwhile: leave it.
            }
        }
    }

    /// <summary>The steps of the commit: the reports (manifest last), then the previous run's reports not written again.</summary>
    private List<Step> Plan()
    {
        var steps = new List<Step>();
        foreach (var (name, staged) in _pending.Where(p => p.Name != ReportFiles.Manifest))
        {
            steps.Add(RenameStep(name, staged));
        }

        var manifest = _pending.FirstOrDefault(p => p.Name == ReportFiles.Manifest);
        if (manifest.Name is null)
        {
            return steps;
        }

        // This run replaces the manifest: the previous run's reports it does not write again would no longer be described.
        var writes = _pending.Select(p => p.Name).Concat(_kept).ToHashSet(StringComparer.Ordinal);
        var folder = FileStatus.Of(FullPath);
        foreach (var previous in PreviousReports(Path.Combine(FullPath, ReportFiles.Manifest)).Where(n => !writes.Contains(n)))
        {
            var status = FileStatus.Of(Path.Combine(FullPath, previous), followLink: false);
            if (status.Kind == FileKind.Regular && status.Device == folder.Device)
            {
                steps.Add(new Step(null, previous));
            }
        }

        steps.Add(RenameStep(manifest.Name, manifest.Staged));
        return steps;
    }

    private Step RenameStep(string name, string staged)
    {
        var final = Path.Combine(FullPath, name);
        var status = FileStatus.Of(final, followLink: false);
        if (status.Exists && status.Kind is not (FileKind.Regular or FileKind.SymbolicLink))
        {
            throw new OutputException($"{FileStatus.Describe(status.Kind)} named {name} is in the way of the report of that name; nothing was changed.", FullPath,
                Wording.Of($"Move it away or choose another folder for {OptionName.OutputFolder}."));
        }

        if (status.Kind == FileKind.Regular && OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(staged, status.Mode); // the replaced report keeps the mode the user gave it
        }

        return new Step(Path.GetRelativePath(FullPath, staged), name);
    }

    private void WriteJournal(IReadOnlyList<Step> steps)
    {
        var temp = Path.Combine(_staging, JournalName);
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            using (var json = new Utf8JsonWriter(stream))
            {
                json.WriteStartArray();
                foreach (var step in steps)
                {
                    json.WriteStartObject();
                    if (step.From is not null)
                    {
                        json.WriteString("rename", step.From);
                    }

                    json.WriteString(step.From is null ? "remove" : "to", step.To);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, Path.Combine(FullPath, JournalName));
    }

    private static List<Step> ReadJournal(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var steps = new List<Step>();
        foreach (var step in json.RootElement.EnumerateArray())
        {
            var from = step.TryGetProperty("rename", out var f) ? f.GetString() : null;
            var to = (from is null ? step.GetProperty("remove") : step.GetProperty("to")).GetString();
            if (to is not null && IsOwnName(to) && (from is null || IsStagedName(from)))
            {
                steps.Add(new Step(from, to));
            }
        }

        return steps;
    }

    /// <summary>Does one step; done steps are skipped, so a journal can be applied again after a kill.</summary>
    private static void Apply(string folder, Step step, Action? afterRename)
    {
        var to = Path.Combine(folder, step.To);
        if (step.From is null)
        {
            if (FileStatus.Of(to, followLink: false).Kind == FileKind.Regular)
            {
                File.Delete(to);
            }

            return;
        }

        var from = Path.Combine(folder, step.From);
        if (FileStatus.Of(from, followLink: false).Kind == FileKind.Regular)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Move(from, to, overwrite: true);
            afterRename?.Invoke();
        }
    }

    /// <summary>The reports the manifest at <paramref name="path"/> lists (none if it is missing or unreadable).</summary>
    private static IEnumerable<string> PreviousReports(string path)
    {
        if (FileStatus.Of(path, followLink: false).Kind != FileKind.Regular)
        {
            return [];
        }

        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path));
            return json.RootElement.TryGetProperty("reports", out var reports) && reports.ValueKind == JsonValueKind.Array
                ? reports.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).Where(IsOwnName).ToArray()
                : [];
        }
        catch (JsonException)
        {
            return []; // not a manifest of ours: nothing is removed
        }
    }

    /// <summary>A plain relative name inside the folder: not rooted, no "..", not one of the tool's hidden entries.</summary>
    private static bool IsOwnName(string name) =>
        name.Length > 0 && !Path.IsPathRooted(name) && !name.StartsWith(HiddenPrefix, StringComparison.Ordinal)
        && name.Split('/', '\\').All(part => part is not ("" or "." or ".."));

    /// <summary>A file in one of the run's staging folders.</summary>
    private static bool IsStagedName(string name)
    {
        var slash = name.IndexOfAny(['/', '\\']);
        return slash > 0 && name.StartsWith(StagingPrefix, StringComparison.Ordinal) && IsOwnName(name[(slash + 1)..]);
    }

    private static bool CreateIfMissing(string path, string full)
    {
        var status = StatusForOpen(path, full);
        if (status.Kind == FileKind.Directory)
        {
            return false;
        }

        if (status.Exists)
        {
            throw new OutputException($"the output path is an existing {(status.Kind == FileKind.Regular ? "file" : FileStatus.Describe(status.Kind)[2..])}, not a folder.", path,
                Wording.Of($"Give a folder for {OptionName.OutputFolder} (it is created if missing)."));
        }

        if (FileStatus.Of(full, followLink: false).Kind == FileKind.SymbolicLink)
        {
            throw new OutputException($"the output path is a symbolic link to a folder that does not exist.", path, Wording.Of($"Create the folder it points to, or give another folder for {OptionName.OutputFolder}."));
        }

        try
        {
            Directory.CreateDirectory(full);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var problem = MountPoint.WhyUnwritable(full) ?? BlockingAncestor(full) ?? (FileSystemError.IsNoSpace(e) ? "no space left on device" : e.Message);
            throw new OutputException($"cannot create the output folder ({problem}).", path, Wording.Of($"Choose a folder you may write to for {OptionName.OutputFolder}."), e);
        }
    }

    /// <summary>Says which part of <paramref name="full"/> is a file where a folder must be, if one is.</summary>
    private static string? BlockingAncestor(string full)
    {
        for (var ancestor = Path.GetDirectoryName(full); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            var status = FileStatus.Of(ancestor);
            if (status.Exists)
            {
                return status.Kind == FileKind.Directory ? null : $"{ancestor} is {FileStatus.Describe(status.Kind)}, not a folder";
            }
        }

        return null;
    }

    private static FileStatus StatusForOpen(string path, string full)
    {
        try
        {
            return FileStatus.Of(full);
        }
        catch (IOException e)
        {
            throw new OutputException($"cannot use the output folder ({e.Message}).", path, Wording.Of($"Choose a folder you may write to for {OptionName.OutputFolder}."), e);
        }
    }

    private static FileStream Lock(string path, string full)
    {
        var lockPath = Path.Combine(full, LockName);
        for (var attempt = 0; ; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (FileSystemError.IsLocked(e))
                {
                    throw new OutputException($"another cpnlp run is writing to this folder ({e.Message}).", path,
                        Wording.Of($"Wait for it to finish, or give this run another folder for {OptionName.OutputFolder}."), e);
                }

                var problem = MountPoint.WhyUnwritable(full) ?? (e is UnauthorizedAccessException ? "permission denied" : FileSystemError.Describe(e, full));
                throw new OutputException($"cannot write in the output folder ({problem}).", path, Wording.Of($"Choose a folder you may write to for {OptionName.OutputFolder}."), e);
            }

            // The run before may have removed the lock file between our open and our lock: then we hold a lock nobody else sees.
            if (attempt >= 10 || !OperatingSystem.IsLinux() || FileStatus.Of(stream.SafeFileHandle).SameFileAs(FileStatus.Of(lockPath, followLink: false)))
            {
                return stream;
            }

            stream.Dispose(); // without removing the file: it is the current holder's
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
            // Best effort: a leftover hidden staging folder is harmless and the next run removes it.
        }
    }

    /// <summary>One step of a commit: rename <see cref="From"/> (relative to the folder) to <see cref="To"/>, or remove <see cref="To"/> when <see cref="From"/> is null.</summary>
    private readonly record struct Step(string? From, string To);
}
