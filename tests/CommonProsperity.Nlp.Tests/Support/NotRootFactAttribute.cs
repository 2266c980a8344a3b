using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// A test that relies on file permissions: root reads and writes whatever the mode bits say, so it is
/// skipped (with the reason) when the tests run as root, as they do in CI. The same cases are covered
/// for root through the <c>DocumentSource</c> file-reader seam and by paths that even root cannot use.
/// </summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (IsRoot)
        {
            Skip = "runs as root, for whom file permissions do not block reading or writing; the seam tests cover this case";
        }
    }

    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    [DllImport("libc")]
    private static extern uint geteuid();
}
