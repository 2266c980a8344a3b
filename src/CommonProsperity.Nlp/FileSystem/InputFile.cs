using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CommonProsperity.Nlp.FileSystem;

/// <summary>
/// Reads an input file whole, opening regular files only: the type is checked before opening, the file
/// is opened without blocking (<c>O_NONBLOCK</c>, so a named pipe swapped in cannot hang the run and
/// Ctrl-C always works), and the type, identity and size are checked again on the opened handle.
/// </summary>
internal static class InputFile
{
    private const int ORdOnly = 0;
    private const int ONonBlock = 0x800; // the same on every architecture .NET runs Linux on
    private const int OCloExec = 0x80000;
    private const int ENOENT = 2;
    private const int EACCES = 13;

    /// <summary>The bytes of the regular file at <paramref name="path"/> (a symbolic link is followed).</summary>
    /// <exception cref="IOException">The path is not a regular file, grew past <paramref name="maxBytes"/>, changed while opened, or cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static byte[] ReadAll(string path, long maxBytes = 1L << 30)
    {
        ArgumentNullException.ThrowIfNull(path);
        var before = FileStatus.Of(path);
        if (before.Kind == FileKind.Missing)
        {
            throw new FileNotFoundException($"Could not find file '{path}'.", path);
        }

        if (before.Kind != FileKind.Regular)
        {
            throw new NotARegularFileException(before.Kind);
        }

        using var handle = Open(path);
        var opened = FileStatus.Of(handle);
        if (opened.Kind != FileKind.Regular || (OperatingSystem.IsLinux() && !opened.SameFileAs(before)))
        {
            throw new IOException("the file was replaced while it was being opened");
        }

        if (opened.Size > maxBytes)
        {
            throw new IOException($"the file is {opened.Size} bytes, more than the limit of {maxBytes}");
        }

        var bytes = new byte[opened.Size];
        var read = 0;
        while (read < bytes.Length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
            if (n == 0)
            {
                return bytes[..read]; // it shrank while read
            }

            read += n;
        }

        return bytes;
    }

    /// <summary>
    /// Opens the regular file at <paramref name="path"/> to read it in sequence from its start, checked as
    /// <see cref="ReadAll"/> checks it; with <paramref name="expected"/> (the status of the file when it was
    /// first opened, <see cref="FileStatus.Of(SafeFileHandle)"/>), also that it is still that file, of that size,
    /// for a reader that goes through a file more than once (<see cref="Change"/>).
    /// </summary>
    /// <exception cref="FileChangedException">The file was replaced (another file, or a link to one, put in its place), or its size, modification time or status-change time changed since it was first opened.</exception>
    /// <exception cref="IOException">The path is not a regular file, or cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileStream OpenRead(string path, FileStatus? expected = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var before = FileStatus.Of(path);
        if (before.Kind == FileKind.Missing)
        {
            throw expected is null ? new FileNotFoundException($"Could not find file '{path}'.", path) : new FileChangedException("it was removed");
        }

        if (before.Kind != FileKind.Regular)
        {
            throw new NotARegularFileException(before.Kind);
        }

        var handle = Open(path);
        try
        {
            var opened = FileStatus.Of(handle);
            if (opened.Kind != FileKind.Regular || (OperatingSystem.IsLinux() && !opened.SameFileAs(before)))
            {
                throw new IOException("the file was replaced while it was being opened");
            }

            if (expected is { } first && Change(first, opened) is { } changed)
            {
                throw changed;
            }

            return new FileStream(handle, FileAccess.Read, 1 << 16);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How the file <paramref name="first"/> describes differs in <paramref name="now"/>, or null when it is the
    /// same file, unchanged as far as its status shows: on Linux its device and inode, everywhere its size and
    /// modification time (<c>mtime</c>, to the nanosecond), and on Linux its status-change time (<c>ctime</c>,
    /// which no program can set back, so an edit that restores the modification time is seen too). An edit in
    /// place that keeps the size and falls in the same tick of the file system's clock as the file's last
    /// change (a few milliseconds) leaves both times as they were, and is not seen.
    /// </summary>
    public static FileChangedException? Change(FileStatus first, FileStatus now)
    {
        if (OperatingSystem.IsLinux() && !now.SameFileAs(first))
        {
            return new FileChangedException("another file was put in its place");
        }

        if (now.Size != first.Size)
        {
            return new FileChangedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its size went from {first.Size:N0} to {now.Size:N0} bytes"));
        }

        if (now.Modified != first.Modified)
        {
            return new FileChangedException($"it was written to in place (its modification time went from {Time(first.Modified)} to {Time(now.Modified)})");
        }

        return now.Changed != first.Changed
            ? new FileChangedException($"it was written to in place, or its permissions or links changed (its status-change time went from {Time(first.Changed)} to {Time(now.Changed)})")
            : null;
    }

    /// <summary>A time in nanoseconds since 1970 as <c>2026-11-30 21:25:12.123456789 UTC</c>.</summary>
    private static string Time(long nanoseconds)
    {
        var (seconds, fraction) = Math.DivRem(nanoseconds, 1_000_000_000);
        if (fraction < 0)
        {
            (seconds, fraction) = (seconds - 1, fraction + 1_000_000_000); // before 1970
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DateTime.UnixEpoch.AddSeconds(seconds):yyyy-MM-dd HH:mm:ss}.{fraction:D9} UTC");
    }

    private static SafeFileHandle Open(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }

        var fd = open(path, ORdOnly | ONonBlock | OCloExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                ENOENT => new FileNotFoundException($"Could not find file '{path}'.", path),
                EACCES => new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
                _ => new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno),
            };
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}

/// <summary>A path that names a device, pipe, socket or folder where a regular file was expected.</summary>
/// <param name="kind">What it is.</param>
internal sealed class NotARegularFileException(FileKind kind)
    : IOException($"it is {FileStatus.Describe(kind)}, not a regular file")
{
    /// <summary>What the path is.</summary>
    public FileKind Kind { get; } = kind;
}

/// <summary>A file read more than once that is no longer the file first read (<see cref="InputFile.OpenRead"/>).</summary>
/// <param name="what">What changed, as a clause.</param>
internal sealed class FileChangedException(string what) : IOException($"the file changed since it was first read: {what}");
