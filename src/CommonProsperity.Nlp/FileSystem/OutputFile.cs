using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.FileSystem;

/// <summary>
/// A single output file (<c>suggest --out x.csv</c>, <c>train --out m.zip</c>, <c>lexicon export</c>),
/// written whole or not at all without touching anything else: the content goes to a hidden temporary
/// file beside the target (same folder, so same file system), is flushed to disk, and is then renamed
/// over the target, which must be missing or a regular file (the replaced file's mode is kept). A
/// device, named pipe, socket or folder at the target is refused and left as it is. A symbolic link
/// at the target is followed: the file it points to is replaced, the link stays. Temporary files that
/// killed runs left beside the target are removed by the next write.
/// </summary>
public static partial class OutputFile
{
    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, which is given the temporary file to create.</summary>
    /// <param name="path">The file to write.</param>
    /// <param name="what">What the file is, for messages ("the model").</param>
    /// <param name="write">Writes the content to the path it is given.</param>
    /// <exception cref="OutputException">The target is not a regular file, or the file cannot be written; the target is then as it was.</exception>
    public static void Write(string path, string what, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(write);
        var target = Target(path);
        var mode = CheckRegular(path, target);
        var folder = Path.GetDirectoryName(target)!;
        var name = Path.GetFileName(target);
        string? temp = null;
        try
        {
            Directory.CreateDirectory(folder);
            RemoveLeftovers(folder, name);
            temp = Path.Combine(folder, $".{name}.cpnlp-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
            write(temp);
            using (var written = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite))
            {
                written.Flush(flushToDisk: true);
            }

            mode = CheckRegular(path, target) ?? mode; // again: it may have changed while we wrote
            if (mode is { } kept && OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(temp, kept);
            }

            File.Move(temp, target, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write {what} ({FileSystemError.Describe(e, folder)}); nothing was changed.", path, Wording.Of($"Choose a folder you may write to for {OptionName.OutputFile}."), e);
        }
        finally
        {
            if (temp is not null)
            {
                DeleteQuietly(temp);
            }
        }
    }

    /// <summary>The file that will be replaced: <paramref name="path"/>, or the file a symbolic link there points to.</summary>
    private static string Target(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return FileStatus.Of(full, followLink: false).Kind == FileKind.SymbolicLink
                ? File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full
                : full;
        }
        catch (IOException e)
        {
            throw new OutputException($"cannot follow the symbolic link ({e.Message}).", path, Wording.Of($"Give another file name for {OptionName.OutputFile}."), e);
        }
    }

    /// <summary>The mode of the regular file at <paramref name="target"/>, null if there is none; anything else there is refused.</summary>
    private static UnixFileMode? CheckRegular(string path, string target)
    {
        FileStatus status;
        try
        {
            status = FileStatus.Of(target);
        }
        catch (IOException e)
        {
            throw new OutputException($"cannot use the output path ({e.Message}).", path, Wording.Of($"Give another file name for {OptionName.OutputFile}."), e);
        }

        return status.Kind switch
        {
            FileKind.Missing => null,
            FileKind.Regular => status.Mode,
            _ => throw new OutputException($"the output path is {FileStatus.Describe(status.Kind)}, not a regular file; it was left as it is.", path,
                Wording.Of($"Give the name of a file to write for {OptionName.OutputFile}, for example results.csv.")),
        };
    }

    /// <summary>Removes temporary files of <paramref name="name"/> left by runs that were killed (their process is gone).</summary>
    private static void RemoveLeftovers(string folder, string name)
    {
        foreach (var entry in Directory.EnumerateFiles(folder, $".{name}.*.tmp"))
        {
            var match = Leftover().Match(Path.GetFileName(entry)[(name.Length + 2)..]);
            if (!match.Success)
            {
                continue;
            }

            // Ours carry the process id; the older form (a bare GUID) predates it and cannot be in use by a live run of this version.
            var alive = match.Groups["pid"].Success && OperatingSystem.IsLinux() && Directory.Exists($"/proc/{match.Groups["pid"].Value}");
            if (!alive && FileStatus.Of(entry, followLink: false).Kind == FileKind.Regular)
            {
                DeleteQuietly(entry);
            }
        }
    }

    private static void DeleteQuietly(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the next write removes it.
        }
    }

    [GeneratedRegex(@"^(cpnlp-(?<pid>[0-9]+)-)?[0-9a-f]{32}\.tmp$", RegexOptions.CultureInvariant)]
    private static partial Regex Leftover();
}
