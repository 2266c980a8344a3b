using System.Diagnostics;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>
/// What is around an output target stays as it was: the folder's mode, owner, group and identity
/// (inode), its subfolders, a file system mounted in it, a process working in it, a symbolic link to
/// it; device nodes, named pipes and folders where a single output file goes are refused, untouched.
/// Each test reads <c>stat</c> before and after.
/// </summary>
public class OutputSurroundingsTests
{
    [Theory]
    [InlineData("700", -1)]
    [InlineData("1777", -1)]
    [InlineData("2775", 12345)]
    public void Commit_OutputFolderWithAnyModeAndGroup_KeepsModeOwnerGroupAndIdentity(string mode, int gid)
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        var private_ = temp.File("reports/private");
        Directory.CreateDirectory(private_);
        Chmod(out_, mode);
        Chmod(private_, "700");
        if (gid >= 0)
        {
            SpecialFiles.ChangeGroup(out_, gid);
        }

        var folderBefore = SpecialFiles.Stat(out_);
        var privateBefore = SpecialFiles.Stat(private_);
        OutputDirectoryExchangeTests.Commit(out_, ("a.csv", "1"), (ReportFiles.Manifest, OutputDirectoryExchangeTests.Manifest("a.csv", ReportFiles.Manifest)));
        OutputDirectoryExchangeTests.Commit(out_, ("a.csv", "2"), (ReportFiles.Manifest, OutputDirectoryExchangeTests.Manifest("a.csv", ReportFiles.Manifest)));

        Assert.Equal(folderBefore, SpecialFiles.Stat(out_));
        Assert.Equal(privateBefore, SpecialFiles.Stat(private_));
        Assert.StartsWith(mode + " ", folderBefore, StringComparison.Ordinal);
        Assert.Equal("2", File.ReadAllText(Path.Combine(out_, "a.csv")));
    }

    [Fact]
    public void Commit_ReplacedReport_KeepsTheModeTheUserGaveIt()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        OutputDirectoryExchangeTests.Commit(out_, ("a.csv", "1"));
        Chmod(Path.Combine(out_, "a.csv"), "600");

        OutputDirectoryExchangeTests.Commit(out_, ("a.csv", "2"));

        Assert.StartsWith("600 ", SpecialFiles.Stat(Path.Combine(out_, "a.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_OutputFolderIsASymbolicLink_WritesIntoItsTargetAndKeepsTheLink()
    {
        using var temp = new TempDirectory();
        var real = temp.File("real-reports");
        Directory.CreateDirectory(real);
        var link = temp.File("reports");
        Directory.CreateSymbolicLink(link, real);
        var linkBefore = SpecialFiles.Stat(link);
        var realBefore = SpecialFiles.Stat(real);

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", link, "--quiet");

        Assert.True(code is 0 or 2, error); // 2: the mini corpus has files it skips
        Assert.Equal(linkBefore, SpecialFiles.Stat(link));
        Assert.Equal(realBefore.Split(' ')[..5], SpecialFiles.Stat(real).Split(' ')[..5]);
        Assert.True(File.Exists(Path.Combine(real, ReportFiles.Manifest)));
        Assert.Equal(["real-reports", "reports"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Commit_AProcessWorkingInsideTheFolder_StaysInTheLiveFolder()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        OutputDirectoryExchangeTests.Commit(out_, ("a.csv", "1"));
        using var worker = Process.Start(new ProcessStartInfo("sleep", "60") { WorkingDirectory = out_ })!;
        try
        {
            OutputDirectoryExchangeTests.Commit(out_, ("a.csv", "2"));

            Assert.Equal(out_, new DirectoryInfo($"/proc/{worker.Id}/cwd").ResolveLinkTarget(returnFinalTarget: false)!.FullName);
            Assert.Equal("2", File.ReadAllText(Path.Combine($"/proc/{worker.Id}/cwd", "a.csv")));
        }
        finally
        {
            worker.Kill();
            worker.WaitForExit();
        }
    }

    [TmpfsFact]
    public void Analyze_AFileSystemMountedInTheOutputFolder_StaysMountedWithItsFiles()
    {
        using var temp = new TempDirectory();
        var out_ = temp.File("reports");
        var (first, _, firstError) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", out_, "--quiet");
        Assert.True(first is 0 or 2, firstError);
        using var mount = new TmpfsMount(Path.Combine(out_, "mounted"));
        File.WriteAllText(Path.Combine(mount.Path, "data.txt"), "on the tmpfs");
        var before = SpecialFiles.Stat(mount.Path);

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", out_, "--quiet", "--no-charts");

        Assert.True(code is 0 or 2, error); // 2: the mini corpus has files it skips
        Assert.Equal(before, SpecialFiles.Stat(mount.Path));
        Assert.Contains($" {mount.Path} ", File.ReadAllText("/proc/self/mountinfo"), StringComparison.Ordinal);
        Assert.Equal("on the tmpfs", File.ReadAllText(Path.Combine(mount.Path, "data.txt")));
    }

    [Fact]
    public void Write_SingleFile_TouchesNothingElseInItsFolder()
    {
        using var temp = new TempDirectory();
        var project = temp.File("proj");
        var private_ = temp.File("proj/private");
        var sticky = temp.File("proj/shared");
        Directory.CreateDirectory(private_);
        Directory.CreateDirectory(sticky);
        Chmod(project, "2750");
        Chmod(private_, "700");
        Chmod(sticky, "1777");
        temp.Write("proj/notes.txt", "mine");
        var before = new[] { project, private_, sticky, temp.File("proj/notes.txt") }.Select(SpecialFiles.Stat).ToArray();

        OutputFile.Write(Path.Combine(project, "to_label.csv"), "the suggestions", path => File.WriteAllText(path, "id,text\n"));

        Assert.Equal(before, new[] { project, private_, sticky, temp.File("proj/notes.txt") }.Select(SpecialFiles.Stat));
        Assert.Equal(["notes.txt", "private", "shared", "to_label.csv"], Directory.GetFileSystemEntries(project).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Write_OverARegularFile_ReplacesItAndKeepsItsMode()
    {
        using var temp = new TempDirectory();
        var target = temp.Write("m.zip", "old");
        Chmod(target, "640");

        OutputFile.Write(target, "the model", path => File.WriteAllText(path, "new"));

        Assert.Equal("new", File.ReadAllText(target));
        Assert.StartsWith("640 ", SpecialFiles.Stat(target), StringComparison.Ordinal);
    }

    [MknodFact]
    public void Write_OverACharacterDevice_IsRefusedAndTheDeviceStays()
    {
        using var temp = new TempDirectory();
        var device = temp.File("null");
        SpecialFiles.NullDevice(device);
        var before = SpecialFiles.Stat(device);

        var error = Assert.Throws<OutputException>(() => OutputFile.Write(device, "the model", path => File.WriteAllText(path, "new")));

        Assert.Equal($"{device}: the output path is a character device, not a regular file; it was left as it is. Give the name of a file to write for the output file, for example results.csv.", error.Message);
        Assert.Equal(73, error.ExitCode);
        Assert.Equal(before, SpecialFiles.Stat(device));
        Assert.Equal(["null"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName));
    }

    [MknodFact]
    public void LexiconExport_ForceOverADeviceNode_ExitsWith73AndLeavesIt()
    {
        using var temp = new TempDirectory();
        var device = temp.File("null");
        SpecialFiles.NullDevice(device);
        var before = SpecialFiles.Stat(device);

        var (code, _, error) = CliRunner.Run("lexicon", "export", "--out", device, "--force");

        Assert.True(code == 73, error);
        Assert.Contains("the output path is a character device, not a regular file", error, StringComparison.Ordinal);
        Assert.Equal(before, SpecialFiles.Stat(device));
    }

    [Fact]
    public void Write_OverANamedPipe_IsRefusedWithoutBlocking()
    {
        using var temp = new TempDirectory();
        var fifo = temp.File("pipe.csv");
        SpecialFiles.Fifo(fifo);

        var error = Assert.Throws<OutputException>(() => OutputFile.Write(fifo, "the suggestions", path => File.WriteAllText(path, "x")));

        Assert.Contains("is a named pipe (FIFO), not a regular file", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" fifo", SpecialFiles.Stat(fifo), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OverAFolder_IsRefused()
    {
        using var temp = new TempDirectory();
        var folder = temp.File("out.csv");
        Directory.CreateDirectory(folder);

        var error = Assert.Throws<OutputException>(() => OutputFile.Write(folder, "the suggestions", path => File.WriteAllText(path, "x")));

        Assert.Contains("the output path is a folder, not a regular file", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Fact]
    public void Write_OverASymbolicLink_ReplacesTheFileItPointsToAndKeepsTheLink()
    {
        using var temp = new TempDirectory();
        var real = temp.Write("data/real.csv", "old");
        var link = temp.File("link.csv");
        File.CreateSymbolicLink(link, real);

        OutputFile.Write(link, "the suggestions", path => File.WriteAllText(path, "new"));

        Assert.Equal(real, new FileInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(real));
    }

    [Fact]
    public void Write_TemporaryFilesOfKilledRuns_AreRemovedAndThoseOfLiveRunsKept()
    {
        using var temp = new TempDirectory();
        var guid = Guid.NewGuid().ToString("N");
        var dead = temp.Write($".m.zip.cpnlp-999999999-{guid}.tmp", "killed train");
        var legacy = temp.Write($".m.zip.{guid}.tmp", "killed train, older version");
        var live = temp.Write($".m.zip.cpnlp-{Environment.ProcessId}-{guid}.tmp", "a run in progress");
        var other = temp.Write(".m.zip.notes.tmp", "not ours");

        OutputFile.Write(temp.File("m.zip"), "the model", path => File.WriteAllText(path, "model"));

        Assert.False(File.Exists(dead));
        Assert.False(File.Exists(legacy));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
    }

    private static void Chmod(string path, string mode) => Assert.Null(SpecialFiles.Run("chmod", mode, path));
}
