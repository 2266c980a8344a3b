using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Tests.Support;
using Xunit.Abstractions;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>
/// The examples of the README and of each page of <c>docs/</c> run on a fresh clone (the repository and
/// <c>../shared</c> beside it): for each page, the first example in a code block that no rule of
/// <see cref="SkipRules"/> passes over is run, then the examples after it in its code block that need only what the block's
/// earlier examples wrote (so `analyze --shard` and the `merge` of its shards run together); inline code in a sentence names
/// a command, it is not an example to run. as the real <c>cpnlp</c> process in a temporary
/// folder, its inputs read from the repository or <c>../shared</c> and its outputs written in the temporary
/// folder, and must succeed. A page with no such example is listed in <see cref="PagesWithoutARunnableExample"/>
/// with the reason, and the test fails when a listed page gains one (so the list cannot go stale). No timing
/// is asserted; the bound only stops a hung run.
/// </summary>
public sealed partial class DocExampleRunTests(ITestOutputHelper log)
{
    /// <summary>Why an example is not run, tried in this order (docs/contributing.md, "Examples in the docs", lists them too).</summary>
    internal static IReadOnlyList<(string Name, string Reason, Func<List<string>, bool> Applies)> SkipRules { get; } =
    [
        ("prose", "`cpnlp` in a sentence, not a command (`cpnlp (src/…)`)", words => words.Count == 0 || !DocExamplesTests.CommandWord().IsMatch(words[0])),
        ("placeholder", "a word stands for the reader's own value (`COMMAND`, `FILE`, `$SLURM_ARRAY_TASK_ID`, `<inputs>`, a glob of paths)", words => words.Any(w => Placeholder().IsMatch(w) || (w.Contains('/', StringComparison.Ordinal) && w.Contains('*', StringComparison.Ordinal)))),
        ("trains", "`train` fits a model on ../shared/labels for minutes; the classifier's tests train small ones", words => words[0] == "train"),
        ("own files", "an input is neither in the repository nor in ../shared (the reader's own documents, a lexicon or model to make first, the output of an earlier example)", words => Inputs(words).Any(w => !Exists(w))),
    ];

    /// <summary>Pages without an example to run, and why.</summary>
    internal static IReadOnlyDictionary<string, string> PagesWithoutARunnableExample { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["docs/architecture.md"] = "it shows the code's layout; its one `cpnlp` in a code block is prose (rule 'prose')",
        ["docs/classifier-experiments.md"] = "every example trains models (rule 'trains')",
        ["docs/contributing.md"] = "its commands are dotnet test and the benchmarks, no cpnlp example",
        ["docs/counting-rules.md"] = "the rules and their examples are text, not commands",
        ["docs/errors.md"] = "it quotes messages, with no example in a code block",
        ["docs/library.md"] = "its example is C#, compiled and run by LibraryExampleTests",
        ["docs/performance.md"] = "its commands are the benchmarks in bench/ (tests never time anything)",
        ["docs/reports.md"] = "the generated column reference, no example",
    };

    public static TheoryData<string> Pages() => DocExamplesTests.Pages();

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_FirstExampleThatNeedsNothingMissing_Runs(string page)
    {
        // Arrange
        var examples = DocExamplesTests.Examples(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, page))).Where(e => e.Block > 0).ToList();
        (int Line, List<string> Words, int Block)? chosen = null;
        foreach (var (line, example, block) in examples)
        {
            var words = DocExamplesTests.Words(example);
            var skip = SkipRules.FirstOrDefault(r => r.Applies(words));
            if (skip.Name is null)
            {
                chosen = (line, words, block);
                break;
            }

            log.WriteLine($"{page}:{line}: skipped ({skip.Name}): cpnlp {example}");
        }

        if (PagesWithoutARunnableExample.TryGetValue(page, out var why))
        {
            Assert.True(chosen is null, $"{page} is listed as having no example to run ({why}), but line {chosen?.Line} has one: remove it from the list.");
            return;
        }

        Assert.True(chosen is not null, $"{page} has no example that runs on a fresh clone: add one, or list the page with the reason.");
        using var temp = new TempDirectory();

        // Act: the example, then the ones after it in its code block that need nothing but what the block's earlier examples wrote.
        var outputs = new HashSet<string>(StringComparer.Ordinal);
        var first = string.Empty;
        foreach (var (line, example, block) in examples.Where(e => e.Block == chosen.Value.Block && e.Line >= chosen.Value.Line))
        {
            var words = DocExamplesTests.Words(example);
            if (SkipRules.FirstOrDefault(r => r.Applies(words) && (r.Name != "own files" || Inputs(words).Any(w => !Exists(w) && !outputs.Contains(w)))).Name is { } rule)
            {
                log.WriteLine($"{page}:{line}: not run ({rule}): cpnlp {example}");
                continue;
            }

            var (code, output, error) = Run(page, line, words, temp);
            first = first.Length == 0 ? output : first;

            // Assert
            Assert.True(code == 0, $"{page}:{line}: cpnlp {example} exited {code}:\n{error}");
            Assert.DoesNotContain("error:", error, StringComparison.Ordinal);
            outputs.UnionWith(Outputs(words));
        }

        if (page == "README.md")
        {
            // The main job of the README's set-up, whose output the README quotes.
            Assert.Equal(["analyze", "corpus/"], chosen.Value.Words);
            Assert.Contains("Analysed 1 document(s), 432 tokens, in ", first, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(temp.Path, "reports", "theme_frequency.csv")));
            Assert.True(File.Exists(Path.Combine(temp.Path, "reports", "evidence.csv")));
        }
    }

    [Fact]
    public void SkipRules_TellRunnableExamplesFromOthers()
    {
        string? Rule(string example) => SkipRules.FirstOrDefault(r => r.Applies(DocExamplesTests.Words(example))).Name;

        Assert.Null(Rule("analyze corpus/ --out reports/x"));
        Assert.Null(Rule("analyze ../shared/corpus --shard 0/2 --out /tmp/s0 --max-p 0.05"));
        Assert.Equal("prose", Rule("(src/CommonProsperity.Nlp.Cli): one command class"));
        Assert.Equal("placeholder", Rule("analyze /shared/archive --shard $SLURM_ARRAY_TASK_ID/8"));
        Assert.Equal("trains", Rule("train --labels ../shared/labels/train.csv"));
        Assert.Equal("own files", Rule("analyze my_folder/ --lexicon my_lexicon.csv"));
        Assert.Equal("own files", Rule("merge /tmp/s0 /tmp/s1 --out /tmp/merged"));
    }

    /// <summary>Runs <paramref name="words"/> as the real <c>cpnlp</c> in <paramref name="temp"/>, within a generous bound that only stops a hung run.</summary>
    private (int Code, string Out, string Error) Run(string page, int line, List<string> words, TempDirectory temp)
    {
        var args = Arguments(words, temp);
        log.WriteLine($"{page}:{line}: running cpnlp {string.Join(' ', args)} in {temp.Path}");
        using var run = CpnlpProcess.StartIn(temp.Path, args);
        Assert.True(run.WaitForExit(TimeSpan.FromMinutes(10)), $"{page}:{line}: cpnlp {string.Join(' ', words)} did not finish in ten minutes.");
        log.WriteLine(run.Out);
        return (run.ExitCode, run.Out, run.Error);
    }

    /// <summary>The values of an example's <c>--out</c>, which later examples of its code block may read.</summary>
    private static IEnumerable<string> Outputs(List<string> words) =>
        words.Zip(words.Skip(1)).Where(p => p.First is "--out" or "-o").Select(p => p.Second);

    /// <summary>The words of an example that name files or folders to read: not options, not the values of options that name outputs or are not paths.</summary>
    private static IEnumerable<string> Inputs(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i].StartsWith('-'))
            {
                if (words[i] is "--out" or "-o" or "--shard" && i + 1 < words.Count)
                {
                    i++; // an output, or I/N
                }

                continue;
            }

            if (PathLike().IsMatch(words[i]))
            {
                yield return words[i];
            }
        }
    }

    /// <summary>True when <paramref name="path"/> is in the repository or, relative to it, in <c>../shared</c>.</summary>
    private static bool Exists(string path) => !Path.IsPathRooted(path) && Path.Exists(Path.Combine(TestPaths.RepoRoot, path));

    /// <summary>
    /// The example's words with each input in the repository as an absolute path and each absolute output
    /// (<c>/tmp/x</c>) moved inside <paramref name="temp"/>; anything else as written (a relative output lands in
    /// the temporary folder, the working directory).
    /// </summary>
    private static string[] Arguments(List<string> words, TempDirectory temp)
    {
        var inputs = Inputs(words).ToHashSet(StringComparer.Ordinal);
        return [.. words.Select(w =>
            Path.IsPathRooted(w) ? Path.Combine(temp.Path, w.TrimStart('/'))
            : inputs.Contains(w) ? Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, w))
            : w)];
    }

    [GeneratedRegex(@"/|\.(txt|csv|md|html?|pdf|dicx?|ya?ml|cat|lcd|vbpro|zip|json|jsonl|xlsx)$", RegexOptions.IgnoreCase)]
    private static partial Regex PathLike();

    [GeneratedRegex(@"^[A-Z][A-Z_]+$|\$|<|>")]
    private static partial Regex Placeholder();
}
