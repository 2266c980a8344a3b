using System.Security.Cryptography;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// Honest messages for what the file system says: a full disk (exit 73, "no space left on device",
/// the previous reports intact), a read-only or special file system named as such (not "another run
/// is writing"), a file name that is not UTF-8 named as undecodable, and paths over the system's
/// length limit reported one by one instead of dropped.
/// </summary>
public class FileSystemErrorTests
{
    [TmpfsFact]
    public void Analyze_DiskFull_ExitsWith73SayingSoAndKeepsThePreviousReports()
    {
        using var temp = new TempDirectory();
        using var disk = new TmpfsMount(temp.File("disk"), "size=1m");
        var output = Path.Combine(disk.Path, "reports");
        var (first, _, firstError) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output, "--quiet", "--no-charts");
        Assert.True(first is 0 or 2, firstError);
        var before = Hashes(output);
        Fill(Path.Combine(disk.Path, "filler"));

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output, "--quiet", "--no-charts");

        Assert.True(code == 73, error);
        Assert.Contains("no space left on device while writing the reports", error, StringComparison.Ordinal);
        Assert.Contains("the reports already in the output folder were left as they were. Free some space, or choose a folder on another disk for --out, then run again.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(output));
        Assert.Empty(Directory.GetFileSystemEntries(output, ".cpnlp*"));
    }

    [TmpfsFact]
    public void Analyze_OutputOnAReadOnlyFileSystem_NamesIt()
    {
        using var temp = new TempDirectory();
        using var disk = new TmpfsMount(temp.File("ro"), "size=64k");
        Directory.CreateDirectory(Path.Combine(disk.Path, "existing"));
        Assert.Null(SpecialFiles.Run("mount", "-o", "remount,ro", disk.Path));

        var (missing, _, missingError) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", Path.Combine(disk.Path, "reports"), "--quiet");
        var (existing, _, existingError) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", Path.Combine(disk.Path, "existing"), "--quiet");

        Assert.True(missing == 73, missingError);
        Assert.Equal($"error: {disk.Path}/reports: cannot create the output folder ({disk.Path} is a read-only file system (tmpfs)). Choose a folder you may write to for --out.", missingError.TrimEnd());
        Assert.True(existing == 73, existingError);
        Assert.Equal($"error: {disk.Path}/existing: cannot write in the output folder ({disk.Path} is a read-only file system (tmpfs)). Choose a folder you may write to for --out.", existingError.TrimEnd());
    }

    [Theory]
    [InlineData("/proc/cpnlp-test-output", "cannot create the output folder")]
    [InlineData("/proc/self", "cannot write in the output folder")]
    public void Analyze_OutputUnderProc_NamesASpecialFileSystem(string output, string what)
    {
        Assert.True(OperatingSystem.IsLinux() && Directory.Exists("/proc/self"), "the tests run on Linux");

        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output, "--quiet");

        Assert.True(code == 73, error);
        Assert.Equal($"error: {output}: {what} (/proc is a special file system (proc), which holds no files of yours). Choose a folder you may write to for --out.", error.TrimEnd());
    }

    [Fact]
    public void Report_DiskFullFromAnyWriter_IsExit73NamingIt()
    {
        var full = new AggregateException(new IOException("No space left on device : '/x/evidence.csv'", 28));

        var error = OutputException.FromSystemError(full);

        Assert.NotNull(error);
        Assert.Equal(73, error.ExitCode);
        Assert.StartsWith("no space left on device while writing the reports (No space left on device : '/x/evidence.csv')", error.Message, StringComparison.Ordinal);
        Assert.Null(OutputException.FromSystemError(new InvalidOperationException("a bug")));
    }

    [Fact]
    public void Read_FileNameThatIsNotUtf8_IsReportedAsAnUndecodableName()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/good.txt", "The charity foundation.");
        try
        {
            // A GBK name (你) written as raw bytes, as an old Windows zip leaves it.
            Assert.Null(SpecialFiles.Run("bash", "-c", "printf 'The charity foundation.' > \"$1/$(printf '\\xc4\\xe3').txt\"", "_", corpus));

            var problems = new ProblemLog();
            var source = new DocumentSource(new IngestionOptions());
            var documents = source.Read(source.Discover([corpus], problems), problems, CancellationToken.None).ToList();

            Assert.Equal(["good.txt"], documents.Select(d => d.Id));
            var skipped = Assert.Single(problems.Skipped);
            Assert.Equal("\uFFFD\uFFFD.txt: the file name is not valid UTF-8 (the bad bytes are shown as \uFFFD), so it cannot be opened by name; it was not read. Rename it to a UTF-8 name, for example with: convmv -f gbk -t utf-8 --notest FILE", skipped.Text);
            Assert.DoesNotContain("disappeared", skipped.Text, StringComparison.Ordinal);
        }
        finally
        {
            SpecialFiles.Run("rm", "-rf", corpus);
        }
    }

    [Fact]
    public void Read_FolderAtThePathLengthLimit_ReportsEachPathItCannotReadAndReadsTheRest()
    {
        using var temp = new TempDirectory();
        var corpus = temp.File("corpus");
        temp.Write("corpus/good.txt", "The charity foundation.");
        try
        {
            // A folder whose own path is just under PATH_MAX (4096 bytes, with the final zero byte): it can be listed, but the paths of the files in it are too long.
            var remaining = 4090 - corpus.Length;
            var parts = new List<string>();
            while (remaining > 0)
            {
                var length = Math.Min(200, remaining - 1);
                parts.Add(new string('d', Math.Max(length, 1)));
                remaining -= parts[^1].Length + 1;
            }

            var script = "cd \"$1\" && for p in " + string.Join(' ', parts) + "; do mkdir $p && cd $p; done && printf 'charity' > a.txt && mkdir sub && printf 'charity' > sub/b.txt";
            Assert.Null(SpecialFiles.Run("bash", "-c", script, "_", corpus));

            var problems = new ProblemLog();
            var source = new DocumentSource(new IngestionOptions());
            var documents = source.Read(source.Discover([corpus], problems), problems, CancellationToken.None).ToList();

            Assert.Equal(["good.txt"], documents.Select(d => d.Id));
            var deep = string.Join('/', parts);
            Assert.True(problems.Skipped.Select(p => p.File).SequenceEqual([deep + "/a.txt", deep + "/sub/b.txt"]), string.Join("\n", problems.All.Select(p => p.Text[^200..])));
            Assert.All(problems.Skipped, p => Assert.Contains("the path is too long for the system (", p.Text, StringComparison.Ordinal));
            Assert.All(problems.Skipped, p => Assert.EndsWith("Move the folder higher up or shorten the folder and file names.", p.Text, StringComparison.Ordinal));
        }
        finally
        {
            SpecialFiles.Run("rm", "-rf", corpus);
        }
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static void Fill(string path)
    {
        using var stream = new FileStream(path, FileMode.CreateNew);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }
}
