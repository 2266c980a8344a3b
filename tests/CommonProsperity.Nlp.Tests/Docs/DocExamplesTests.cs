using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>
/// Every <c>cpnlp</c> example in the README and the pages of <c>docs/</c> (in code blocks and inline code)
/// names a command that exists and only options that command has, as its own <c>--help</c> lists them;
/// so an example cannot go stale when an option is renamed or moved. (Whether an example's files exist is
/// for the page to say: many run on <c>../shared</c> or on the reader's own documents.)
/// </summary>
public sealed partial class DocExamplesTests
{
    private static readonly Dictionary<string, HashSet<string>?> HelpCache = new(StringComparer.Ordinal);

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string>();
        pages.Add("README.md");
        foreach (var page in Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add("docs/" + Path.GetFileName(page));
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_EveryCpnlpExample_NamesACommandAndOptionsItHas(string page)
    {
        var wrong = new List<string>();
        foreach (var (line, example, _) in Examples(File.ReadAllText(Path.Combine(TestPaths.RepoRoot, page))))
        {
            var words = Words(example);
            if (words.Count == 0 || !CommandWord().IsMatch(words[0]))
            {
                continue; // a placeholder (cpnlp COMMAND --help) or prose (cpnlp (src/...))
            }

            var command = words[0] is "lexicon" or "evidence" && words.Count > 1 && CommandWord().IsMatch(words[1]) ? [words[0], words[1]] : new[] { words[0] };
            var options = Options(command);
            if (options is null)
            {
                wrong.Add($"{page}:{line}: 'cpnlp {string.Join(' ', command)}' is not a command: {example}");
                continue;
            }

            foreach (var word in words.Skip(command.Length).Where(w => OptionWord().IsMatch(w)))
            {
                var option = word.Split('=')[0];
                if (!options.Contains(option))
                {
                    wrong.Add($"{page}:{line}: 'cpnlp {string.Join(' ', command)}' has no option {option}: {example}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Examples_AreFound_InCodeBlocksAndInlineCode()
    {
        const string page = "Run `cpnlp analyze corpus/ --out x` first.\n\n```sh\ncpnlp kwic corpus/ --term a \\\n  --context 30   # comment\nfor s in 0 1; do cpnlp merge a b --out r; done\n```\n\n```yaml\nargs:\n  - cpnlp trend y --by month\n```\n\n```sh\nsbatch --wrap \"cpnlp topics z && cpnlp ngrams z\"\n```\n";

        var examples = Examples(page).Select(e => e.Example).ToList();

        Assert.Equal(["analyze corpus/ --out x", "kwic corpus/ --term a --context 30", "merge a b --out r", "trend y --by month", "topics z", "ngrams z\""], examples);
        Assert.Equal(["kwic", "corpus/", "--term", "common prosperity"], Words("kwic corpus/ --term \"common prosperity\""));
        Assert.Equal(["trend", "--terms", "共同富裕,common prosperity", "--terms", "xi*,party"], Words("trend --terms 共同富裕,\"common prosperity\" --terms 'xi*,party'"));
    }

    [Fact]
    public void Options_AreReadFromTheCommandsHelp()
    {
        var analyze = Options(["analyze"]);
        var check = Options(["lexicon", "check"]);

        Assert.NotNull(analyze);
        Assert.Contains("--out", analyze);
        Assert.Contains("-o", analyze);
        Assert.Contains("--lexicon", analyze);
        Assert.DoesNotContain("--labels", analyze);
        Assert.NotNull(check);
        Assert.Contains("--validated", check);
        Assert.Null(Options(["analyse"]));
    }

    /// <summary>Each example after its <c>cpnlp</c> (or the README's <c>dotnet run … --</c>), with its line and code block (1, 2, …; 0 for inline code): in code blocks (continued lines joined), and in inline code.</summary>
    internal static IEnumerable<(int Line, string Example, int Block)> Examples(string text)
    {
        var lines = text.Split('\n');
        var inBlock = false;
        var block = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                block += inBlock ? 1 : 0;
                continue;
            }

            if (inBlock)
            {
                var start = i;
                while (line.EndsWith('\\') && i + 1 < lines.Length)
                {
                    line = line[..^1] + " " + lines[++i].TrimEnd('\r').Trim();
                }

                foreach (Match m in InBlock().Matches(line))
                {
                    yield return (start + 1, Clean(m.Groups["example"].Value), block);
                }
            }
            else
            {
                foreach (Match m in Inline().Matches(line))
                {
                    yield return (i + 1, Clean(m.Groups["example"].Value), 0);
                }
            }
        }
    }

    /// <summary>The example up to a comment, a pipe, or the next command of the shell line.</summary>
    private static string Clean(string example)
    {
        var end = Regex.Match(example, @"\s(#|&&|\|\||\|)|;");
        return Regex.Replace(end.Success ? example[..end.Index] : example, @"\s+", " ").Trim();
    }

    /// <summary>The example's words, as a shell splits them (quotes removed).</summary>
    internal static List<string> Words(string example) =>
        [.. ShellWord().Matches(example).Select(m => m.Value.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal))];

    /// <summary>The options <c>cpnlp COMMAND --help</c> lists, or null when there is no such command.</summary>
    private static HashSet<string>? Options(string[] command)
    {
        var key = string.Join(' ', command);
        lock (HelpCache)
        {
            if (!HelpCache.TryGetValue(key, out var options))
            {
                var (code, output, _) = CliRunner.Run([.. command, "--help"]);
                options = code == 0 && output.Contains("OPTIONS:", StringComparison.Ordinal)
                    ? [.. HelpOption().Matches(output).SelectMany(m => new[] { m.Groups["short"].Value, m.Groups["long"].Value }).Where(o => o.Length > 0)]
                    : null;
                HelpCache[key] = options;
            }

            return options;
        }
    }

    [GeneratedRegex(@"(?:^|^\s*-\s+|[;&|""]\s*|\bdo\s+|\$\s+)(?:cpnlp|dotnet run --project src/CommonProsperity\.Nlp\.Cli -c Release --)\s+(?<example>[^`;&|]+)")]
    private static partial Regex InBlock();

    [GeneratedRegex(@"`cpnlp\s+(?<example>[^`]+)`")]
    private static partial Regex Inline();

    [GeneratedRegex(@"^[a-z][a-z-]*$")]
    internal static partial Regex CommandWord();

    [GeneratedRegex(@"^-{1,2}[a-z][a-z0-9-]*(=.*)?$")]
    private static partial Regex OptionWord();

    [GeneratedRegex("(?:\"[^\"]*\"|'[^']*'|[^\\s\"'])+")]
    private static partial Regex ShellWord();

    [GeneratedRegex(@"^    (?:(?<short>-[a-zA-Z]), |    )(?<long>--[a-z0-9-]+)", RegexOptions.Multiline)]
    private static partial Regex HelpOption();
}
