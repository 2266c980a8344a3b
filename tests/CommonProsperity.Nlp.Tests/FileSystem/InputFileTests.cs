using CommonProsperity.Nlp.FileSystem;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.FileSystem;

/// <summary>
/// <see cref="InputFile.Change"/>: what tells a file read more than once from the file first read. The
/// statuses are made by hand, so that each field is tested alone (a file's status-change time cannot be set).
/// </summary>
public class InputFileTests
{
    private static readonly FileStatus First = new(FileKind.Regular, 2049, 1234, 5_000_000, UnixFileMode.UserRead)
    {
        Modified = 1_000_000_000_123_456_789,
        Changed = 1_000_000_000_123_456_789,
    };

    [Fact]
    public void Change_SameFileSameSizeAndTimes_IsNone() => Assert.Null(InputFile.Change(First, First with { Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite }));

    [Fact]
    public void Change_ModificationTimeOneNanosecondLater_IsAnEditInPlace()
    {
        var change = InputFile.Change(First, First with { Modified = First.Modified + 1, Changed = First.Changed + 1 });

        Assert.Equal(
            "the file changed since it was first read: it was written to in place (its modification time went from 2001-09-09 01:46:40.123456789 UTC to 2001-09-09 01:46:40.123456790 UTC)",
            change?.Message);
    }

    [Fact]
    public void Change_OnlyTheStatusChangeTime_IsSeen()
    {
        // An edit that set the modification time back (touch -d, rsync -t) still moves ctime, which no program can set.
        var change = InputFile.Change(First, First with { Changed = First.Changed + 4_000_000 });

        Assert.Equal(
            "the file changed since it was first read: it was written to in place, or its permissions or links changed (its status-change time went from 2001-09-09 01:46:40.123456789 UTC to 2001-09-09 01:46:40.127456789 UTC)",
            change?.Message);
    }

    [Fact]
    public void Change_SizeAndAnotherFile_AreNamedBeforeTheTimes()
    {
        Assert.Equal(
            "the file changed since it was first read: its size went from 5,000,000 to 5,000,010 bytes",
            InputFile.Change(First, First with { Size = 5_000_010, Modified = 0 })?.Message);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal(
                "the file changed since it was first read: another file was put in its place",
                InputFile.Change(First, First with { Inode = 99 })?.Message);
        }
    }

    [Fact]
    public void Of_AFileWhoseModificationTimeIsSet_ReadsItToTheNanosecond()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("a.txt", "text");
        File.SetLastWriteTimeUtc(path, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc).AddTicks(1234567));

        var status = FileStatus.Of(path);

        Assert.Equal(new DateTimeOffset(2001, 2, 3, 4, 5, 6, TimeSpan.Zero).ToUnixTimeSeconds() * 1_000_000_000 + 123_456_700, status.Modified);
        using var handle = File.OpenHandle(path);
        Assert.Equal(status, FileStatus.Of(handle));
    }
}
