namespace CommonProsperity.Nlp.FileSystem;

/// <summary>Reads what an I/O error was from the system's error number (.NET keeps it as the HResult on Unix).</summary>
internal static class FileSystemError
{
    private const int EAGAIN = 11;
    private const int ENOSPC = 28;
    private const int EROFS = 30;
    private const int ENAMETOOLONG = 36;
    private const int EDQUOT = 122;

    /// <summary>The device or the user's quota is full.</summary>
    public static bool IsNoSpace(Exception e) => e is IOException { HResult: ENOSPC or EDQUOT };

    /// <summary>The file system is mounted read-only.</summary>
    public static bool IsReadOnly(Exception e) => e is IOException { HResult: EROFS };

    /// <summary>Another process holds the lock.</summary>
    public static bool IsLocked(Exception e) => e is IOException { HResult: EAGAIN };

    /// <summary>A name or the whole path is longer than the system allows.</summary>
    public static bool IsTooLong(Exception e) => e is PathTooLongException or IOException { HResult: ENAMETOOLONG };

    /// <summary>The first error of the chain <paramref name="e"/> that says the disk is full, if any.</summary>
    public static IOException? NoSpaceIn(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (IsNoSpace(inner))
            {
                return (IOException)inner;
            }
        }

        return null;
    }

    /// <summary>
    /// What went wrong writing under <paramref name="folder"/>, in words: "no space left on device",
    /// "... is a read-only file system", or the system's own message.
    /// </summary>
    public static string Describe(Exception e, string folder)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (IsNoSpace(e))
        {
            return "no space left on device";
        }

        if (MountPoint.WhyUnwritable(folder) is { } why)
        {
            return why;
        }

        return IsReadOnly(e) ? "read-only file system" : e.Message;
    }
}
