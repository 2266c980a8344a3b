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
    /// for a reader that goes through a file more than once.
    /// </summary>
    /// <exception cref="FileChangedException">The file was replaced (another file, or a link to one, put in its place) or its size changed since it was first opened.</exception>
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

            if (expected is { } first)
            {
                if (OperatingSystem.IsLinux() && !opened.SameFileAs(first))
                {
                    throw new FileChangedException("another file was put in its place");
                }

                if (opened.Size != first.Size)
                {
                    throw new FileChangedException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"its size went from {first.Size:N0} to {opened.Size:N0} bytes"));
                }
            }

            return new FileStream(handle, FileAccess.Read, 1 << 16);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
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
