using System.Globalization;
using System.Text;

namespace CommonProsperity.Nlp.FileSystem;

/// <summary>
/// The mounted file system a path lives on, read from <c>/proc/self/mountinfo</c> (Linux), so that an
/// error can say "read-only file system" or "special file system (proc)" instead of guessing.
/// </summary>
/// <param name="Path">Where it is mounted.</param>
/// <param name="Type">Its file system type (ext4, tmpfs, proc, ...).</param>
/// <param name="ReadOnly">Mounted read-only.</param>
internal sealed record MountPoint(string Path, string Type, bool ReadOnly)
{
    /// <summary>File systems that hold no user files: the kernel's views of processes, devices and settings.</summary>
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "proc", "sysfs", "devpts", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "pstore", "bpf", "configfs", "fusectl", "mqueue", "hugetlbfs", "efivarfs", "binfmt_misc",
    };

    /// <summary>The kernel's view of processes, devices or settings, not a place for files.</summary>
    public bool IsSpecial => Special.Contains(Type);

    /// <summary>The mount <paramref name="path"/> (or its nearest existing ancestor) is on; null where this cannot be told.</summary>
    public static MountPoint? Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var real = FileStatus.RealPathOfNearest(path);
            MountPoint? best = null;
            foreach (var line in File.ReadLines("/proc/self/mountinfo"))
            {
                // id parent major:minor root mount-point options [optional fields] - type source super-options
                var fields = line.Split(' ');
                var dash = Array.IndexOf(fields, "-");
                if (fields.Length < 6 || dash < 0 || dash + 1 >= fields.Length)
                {
                    continue;
                }

                var mount = Unescape(fields[4]);
                if (!FileStatus.IsWithin(real, mount) || (best is not null && best.Path.Length > mount.Length))
                {
                    continue;
                }

                var readOnly = fields[5].Split(',').Contains("ro", StringComparer.Ordinal);
                best = new MountPoint(mount, fields[dash + 1], readOnly);
            }

            return best;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A clause naming why nothing can be written here, or null when the file system is writable as far as can be told.</summary>
    public static string? WhyUnwritable(string path)
    {
        return Of(path) switch
        {
            { IsSpecial: true } m => $"{m.Path} is a special file system ({m.Type}), which holds no files of yours",
            { ReadOnly: true } m => $"{m.Path} is a read-only file system ({m.Type})",
            _ => null,
        };
    }

    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var text = new StringBuilder();
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length && int.TryParse(field.AsSpan(i + 1, 3), NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                text.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                text.Append(field[i]);
            }
        }

        return text.ToString();
    }
}
