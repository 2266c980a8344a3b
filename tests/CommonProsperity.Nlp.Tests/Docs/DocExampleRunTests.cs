using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Tests.Support;
using Xunit.Abstractions;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>
/// Every <c>cpnlp</c> example in a code block of the README and of each page of <c>docs/</c> runs, or is
/// marked as not run with the reason (<see cref="DocExampleBlocks"/>: an HTML comment above the block). A
/// page's examples run in page order, in one scratch folder per page, so that an example reads what the
/// ones before it wrote (an <c>analyze</c>'s folder, a <c>merge</c> of its shards): each as the real
/// <c>cpnlp</c> process with the scratch folder as its working directory, inputs read from the repository
/// and <c>../shared</c> (or the scratch folder, when an earlier example or a stand-in put them there), and
/// <c>/tmp/...</c> moved inside the scratch folder. Each must exit 0 without an error line. Every example not
/// run is listed in the test output with its reason. No timing is asserted; the bound only stops a hung run.
/// </summary>
public sealed partial class DocExampleRunTests(ITestOutputHelper log)
{
    private static readonly HashSet<string> OutputOptions = new(["--out", "-o", "--report"], StringComparer.Ordinal);

    public static TheoryData<string> Pages() => DocExamplesTests.Pages();

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_EveryExample_RunsInOrderOrIsMarkedNotRun(string page)
    {
        // Arrange
        var blocks = DocExampleBlocks.Read(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, page)));
        using var scratch = new TempDirectory();
        var (ran, notRun, notCommands) = (0, 0, 0);
        var first = (Words: (IReadOnlyList<string>?)null, Out: string.Empty);

        foreach (var block in blocks)
        {
            var examples = block.Steps.Where(s => !s.IsSetup).ToList();
            if (block.NotRun is { } reason)
            {
                Assert.True(examples.Count > 0, $"{page}:{block.Line}: 'not run' marks a code block without a cpnlp example: remove the marker.");
                Assert.True(block.StandIns.Count == 0, $"{page}:{block.Line}: a block marked 'not run' needs no stand-ins: remove them.");
                foreach (var example in examples)
                {
                    log.WriteLine($"{page}:{example.Line}: not run ({reason}): cpnlp {example.Text}");
                }

                notRun += examples.Count;
                continue;
            }

            Assert.True(examples.Count > 0 || block.StandIns.Count == 0, $"{page}:{block.Line}: stand-ins for a code block without a cpnlp example: remove them.");
            foreach (var standIn in block.StandIns)
            {
                Place(page, block, standIn, scratch.Path);
            }

            // Act and Assert, step by step: a step reads what the ones before it wrote.
            foreach (var step in block.Steps)
            {
                if (!step.IsSetup && (step.Words.Count == 0 || !DocExamplesTests.CommandWord().IsMatch(step.Words[0])))
                {
                    log.WriteLine($"{page}:{step.Line}: not a command (`cpnlp` in a diagram or sentence): cpnlp {step.Text}");
                    notCommands++;
                    continue;
                }

                var (code, output, error) = step.IsSetup ? RunPython(page, step, scratch.Path) : RunCpnlp(page, step, scratch.Path);
                var shown = step.IsSetup ? step.Text : "cpnlp " + step.Text;
                Assert.True(code == 0, $"{page}:{step.Line}: {shown} exited {code} (fix the example, or mark its block <!-- not run: REASON -->):\n{error}");
                Assert.False(error.Contains("error:", StringComparison.Ordinal), $"{page}:{step.Line}: {shown} printed an error:\n{error}");
                if (!step.IsSetup)
                {
                    ran++;
                    first = first.Words is null ? (step.Words, output) : first;
                }
            }
        }

        log.WriteLine($"{page}: {ran} example(s) run, {notRun} marked not run, {notCommands} not a command.");
        if (page == "README.md")
        {
            // The main job of the README's set-up, whose output the README quotes.
            Assert.Equal(["analyze", "corpus/"], first.Words);
            Assert.Contains("Analysed 1 document(s), 432 tokens, in ", first.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(scratch.Path, "reports", "theme_frequency.csv")));
            Assert.True(File.Exists(Path.Combine(scratch.Path, "reports", "evidence.csv")));
        }
    }

    [Fact]
    public void Read_FindsMarkersStandInsAndSetUpSteps()
    {
        const string page = """
            Text with `cpnlp analyze inline/` (not a step).

            <!-- stand-ins: texts/=corpus/ my.csv=../shared/labels/train.csv -->
            ```sh
            python3 scripts/make_trend_corpus.py 6 /tmp/c6 && python3 scripts/make_trend_corpus.py 8 /tmp/m8 monthly
            cpnlp analyze /tmp/c6 --out /tmp/a   # a comment
            ls -l /tmp/a
            ```

            <!-- not run: trains for minutes -->
            ```sh
            cpnlp train --labels x.csv
            ```

            ```text
            output
            ```
            """;

        var blocks = DocExampleBlocks.Read(page);

        Assert.Equal(3, blocks.Count);
        Assert.Null(blocks[0].NotRun);
        Assert.Equal([new DocStandIn("texts/", "corpus/"), new DocStandIn("my.csv", "../shared/labels/train.csv")], blocks[0].StandIns);
        Assert.Equal(
            ["python3 scripts/make_trend_corpus.py 6 /tmp/c6", "python3 scripts/make_trend_corpus.py 8 /tmp/m8 monthly", "analyze /tmp/c6 --out /tmp/a"],
            blocks[0].Steps.Select(s => s.Text));
        Assert.Equal([true, true, false], blocks[0].Steps.Select(s => s.IsSetup));
        Assert.Equal(["scripts/make_trend_corpus.py", "8", "/tmp/m8", "monthly"], blocks[0].Steps[1].Words);
        Assert.Equal("trains for minutes", blocks[1].NotRun);
        Assert.Equal(["train", "--labels", "x.csv"], blocks[1].Steps.Single().Words);
        Assert.Empty(blocks[2].Steps);
        Assert.Throws<InvalidDataException>(() => DocExampleBlocks.Read("<!-- stand-ins: texts/ -->\n```sh\ncpnlp analyze texts/\n```\n"));
    }

    [Fact]
    public void Arguments_ReadInputsFromScratchThenRepository_AndWriteInScratch()
    {
        using var scratch = new TempDirectory();
        scratch.Write("reports/ngrams/ngrams.csv", "n\n");

        var args = Arguments(["lexicon", "suggest", "--labels", "../shared/labels/train.csv", "--candidates", "reports/ngrams/ngrams.csv", "--out", "corpus/x"], scratch.Path);
        var moved = Arguments(["trend", "/tmp/c60", "--out", "/tmp/t60", "--shard", "0/2"], scratch.Path);

        Assert.Equal(Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "../shared/labels/train.csv")), args[3]);
        Assert.Equal("reports/ngrams/ngrams.csv", args[5]); // written by an earlier example: read in the scratch folder
        Assert.Equal("corpus/x", args[7]); // an output, even where the repository has a folder of that name
        Assert.Equal([Path.Combine(scratch.Path, "tmp/c60"), Path.Combine(scratch.Path, "tmp/t60"), "0/2"], [moved[1], moved[3], moved[5]]);
    }

    /// <summary>Copies a stand-in's source from the repository (or <c>../shared</c>) into <paramref name="scratch"/> under the reader's name.</summary>
    private void Place(string page, DocBlock block, DocStandIn standIn, string scratch)
    {
        var source = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, standIn.Source));
        var target = Path.GetFullPath(Path.Combine(scratch, standIn.Name));
        Assert.True(Path.Exists(source), $"{page}:{block.Line}: the stand-in {standIn.Name}={standIn.Source} names no file or folder of the repository or ../shared.");
        Assert.True(target.StartsWith(scratch, StringComparison.Ordinal), $"{page}:{block.Line}: the stand-in name {standIn.Name} is outside the scratch folder: use a relative name.");
        log.WriteLine($"{page}:{block.Line}: stand-in {standIn.Name} = {standIn.Source}");
        if (File.Exists(source))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy, overwrite: true);
        }
    }

    /// <summary>Runs a <c>cpnlp</c> example as the real process in <paramref name="scratch"/>, within a generous bound that only stops a hung run.</summary>
    private (int Code, string Out, string Error) RunCpnlp(string page, DocStep step, string scratch)
    {
        var args = Arguments(step.Words, scratch);
        log.WriteLine($"{page}:{step.Line}: running cpnlp {string.Join(' ', args)}");
        using var run = CpnlpProcess.StartIn(scratch, args);
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)), $"{page}:{step.Line}: cpnlp {step.Text} did not finish in ten minutes.");
        return (run.ExitCode, run.Out, run.Error);
    }

    /// <summary>Runs a set-up line (<c>python3 scripts/make_*.py …</c>) in <paramref name="scratch"/>.</summary>
    private (int Code, string Out, string Error) RunPython(string page, DocStep step, string scratch)
    {
        var info = new ProcessStartInfo("python3") { WorkingDirectory = scratch, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in Arguments([.. step.Words], scratch, command: false))
        {
            info.ArgumentList.Add(arg);
        }

        log.WriteLine($"{page}:{step.Line}: running python3 {string.Join(' ', info.ArgumentList)}");
        try
        {
            using var process = Process.Start(info)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), $"{page}:{step.Line}: {step.Text} did not finish in ten minutes.");
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"{page}:{step.Line}: {step.Text} needs python3 on the PATH ({e.Message}); install python3 (Debian/Ubuntu: apt-get install python3).");
            throw;
        }
    }

    /// <summary>
    /// The step's words as run in <paramref name="scratch"/>: an absolute path (<c>/tmp/x</c>) moved inside it; a
    /// relative input left relative when an earlier step or a stand-in put it in the scratch folder, else made
    /// absolute in the repository (where <c>../shared</c> is); outputs (<c>--out</c>, <c>--report</c>) left
    /// relative, so that they land in the scratch folder; anything else as written.
    /// </summary>
    private static string[] Arguments(IReadOnlyList<string> words, string scratch, bool command = true)
    {
        var args = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var isOutput = i > 0 && OutputOptions.Contains(words[i - 1]);
            var inScratch = Path.GetFullPath(Path.Combine(scratch, word));
            var inRepository = Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, word));
            args[i] = Path.IsPathRooted(word) ? Path.Combine(scratch, word.TrimStart('/'))
                : (command && i == 0) || word.StartsWith('-') || isOutput || !PathLike().IsMatch(word) ? word
                : inScratch.StartsWith(scratch + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.Exists(inScratch) ? word
                : Path.Exists(inRepository) ? inRepository
                : word;
        }

        return args;
    }

    [GeneratedRegex(@"/|\.(txt|csv|md|html?|pdf|dicx?|ya?ml|cat|lcd|vbpro|zip|json|jsonl|xlsx|py)$", RegexOptions.IgnoreCase)]
    private static partial Regex PathLike();
}
