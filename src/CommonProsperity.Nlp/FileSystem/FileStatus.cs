using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.FileSystem;

/// <summary>What kind of entry a path names.</summary>
internal enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,
    Unknown,
}

/// <summary>
/// A file's type, identity (device and inode), size, mode and times, read with Linux <c>statx</c>, whose
/// structure has the same layout on every architecture (unlike <c>struct stat</c>). On other systems
/// the type, size and modification time come from .NET and the identity is the path.
/// </summary>
/// <param name="Kind">The entry's type.</param>
/// <param name="Device">The file system it lives on (major, minor packed); 0 where unknown.</param>
/// <param name="Inode">Its inode; 0 where unknown.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Mode">Its permission bits (e.g. 0644, with setuid/setgid/sticky).</param>
internal readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, long Size, UnixFileMode Mode)
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2;
    private const int ENOTDIR = 20;

    /// <summary>When its content was last changed (<c>mtime</c>), in nanoseconds since 1970-01-01 UTC; 0 where unknown.</summary>
    public long Modified { get; init; }

    /// <summary>When its content or status (permissions, links) was last changed (<c>ctime</c>, which no program can set back), in nanoseconds since 1970-01-01 UTC; 0 where unknown.</summary>
    public long Changed { get; init; }

    /// <summary>The entry is there.</summary>
    public bool Exists => Kind != FileKind.Missing;

    /// <summary>The same file as <paramref name="other"/> (same device and inode).</summary>
    public bool SameFileAs(FileStatus other) => Exists && other.Exists && Inode != 0 && Device == other.Device && Inode == other.Inode;

    /// <summary>The status of <paramref name="path"/>, following a symbolic link at its end unless <paramref name="followLink"/> is false.</summary>
    /// <exception cref="IOException">The path cannot be examined (permission, too long, not decodable); a missing entry is <see cref="FileKind.Missing"/>.</exception>
    public static FileStatus Of(string path, bool followLink = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return Portable(path, followLink);
        }

        var buffer = new StatxBuffer();
        if (statx(AtFdCwd, path, followLink ? 0 : AtSymlinkNoFollow, StatxBasicStats, ref buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR)
            {
                return default;
            }

            throw new IOException($"{Marshal.GetPInvokeErrorMessage(errno)} : '{path}'", errno);
        }

        return From(buffer);
    }

    /// <summary>The status of the file an open handle refers to.</summary>
    public static FileStatus Of(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        if (!OperatingSystem.IsLinux())
        {
            return new FileStatus(FileKind.Regular, 0, 0, RandomAccess.GetLength(handle), 0) { Modified = Nanoseconds(File.GetLastWriteTimeUtc(handle)) };
        }

        var buffer = new StatxBuffer();
        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (statx((int)handle.DangerousGetHandle(), string.Empty, AtEmptyPath, StatxBasicStats, ref buffer) != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                throw new IOException(Marshal.GetPInvokeErrorMessage(errno), errno);
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }

        return From(buffer);
    }

    /// <summary>
    /// The absolute path of <paramref name="path"/> with every symbolic link resolved (<c>realpath</c>),
    /// or null if it does not lead to an existing entry (a broken link, a loop).
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true);
            return target is null || !(target.Exists || Directory.Exists(target.FullName)) ? null : Path.TrimEndingDirectorySeparator(target.FullName);
        }

        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            free(resolved);
        }
    }

    /// <summary>
    /// <see cref="RealPath"/> of the nearest existing ancestor of <paramref name="path"/>, with the parts
    /// that do not exist yet appended (for a folder about to be created).
    /// </summary>
    public static string RealPathOfNearest(string path)
    {
        var existing = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var rest = new Stack<string>();
        string? real;
        while ((real = RealPath(existing)) is null && Path.GetDirectoryName(existing) is { } parent)
        {
            rest.Push(Path.GetFileName(existing));
            existing = parent;
        }

        real ??= existing;
        while (rest.Count > 0)
        {
            real = Path.Combine(real, rest.Pop());
        }

        return real;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or inside it (both absolute, without trailing separators).</summary>
    public static bool IsWithin(string path, string folder) =>
        string.Equals(path, folder, StringComparison.Ordinal) || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>The kind as words for a message ("a character device").</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Fifo => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.Missing => "missing",
        _ => "a special file",
    };

    private static FileStatus From(in StatxBuffer b)
    {
        var kind = (b.Mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.SymbolicLink,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0x1000 => FileKind.Fifo,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };
        return new FileStatus(kind, ((ulong)b.DevMajor << 32) | b.DevMinor, b.Inode, (long)b.Size, (UnixFileMode)(b.Mode & 0xFFF))
        {
            Modified = (b.MtimeSeconds * 1_000_000_000) + b.MtimeNanoseconds,
            Changed = (b.CtimeSeconds * 1_000_000_000) + b.CtimeNanoseconds,
        };
    }

    private static long Nanoseconds(DateTime utc) => (utc - DateTime.UnixEpoch).Ticks * 100;

    private static FileStatus Portable(string path, bool followLink)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists && info.LinkTarget is null)
        {
            return default;
        }

        if (!followLink && info.LinkTarget is not null)
        {
            return new FileStatus(FileKind.SymbolicLink, 0, 0, 0, 0);
        }

        return info is DirectoryInfo
            ? new FileStatus(FileKind.Directory, 0, 0, 0, 0)
            : new FileStatus(FileKind.Regular, 0, 0, ((FileInfo)info).Length, 0) { Modified = Nanoseconds(info.LastWriteTimeUtc) };
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int statx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, ref StatxBuffer buffer);

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr realpath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    /// <summary>Linux <c>struct statx</c> (256 bytes, the same on every architecture); only the fields used are named.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(96)]
        public long CtimeSeconds;

        [FieldOffset(104)]
        public uint CtimeNanoseconds;

        [FieldOffset(112)]
        public long MtimeSeconds;

        [FieldOffset(120)]
        public uint MtimeNanoseconds;

        [FieldOffset(136)]
        public uint DevMajor;

        [FieldOffset(140)]
        public uint DevMinor;
    }
}
