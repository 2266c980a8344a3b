using System.Text.RegularExpressions;

namespace CommonProsperity.Nlp.Tests.Docs;

/// <summary>
/// A page's code blocks as <see cref="DocExampleRunTests"/> runs them: for each block, the markers in the
/// HTML comments just above its opening fence (invisible on the rendered page) and its steps in order.
/// <list type="bullet">
/// <item><c>&lt;!-- not run: REASON --&gt;</c>: none of the block's examples is run; the test lists each with the reason.</item>
/// <item><c>&lt;!-- stand-ins: NAME=PATH ... --&gt;</c>: before the block runs, the repository's (or <c>../shared</c>'s)
/// file or folder PATH is copied into the scratch folder as NAME, for an example written on the reader's own
/// files (<c>texts/</c>, <c>my_labels.csv</c>), so that it runs as written.</item>
/// </list>
/// The steps are the block's <c>cpnlp</c> examples (<see cref="DocExamplesTests.Examples"/>) and its
/// <c>python3 scripts/make_*.py</c> lines, which write inputs for the examples after them; other shell lines
/// (<c>ls</c>, <c>dotnet test</c>, <c>xdg-open</c>) are not run.
/// </summary>
internal static partial class DocExampleBlocks
{
    /// <summary>Reads the code blocks of a page's <paramref name="text"/>, in order.</summary>
    /// <exception cref="InvalidDataException">A stand-ins marker whose pairs are not NAME=PATH (its line is named).</exception>
    public static IReadOnlyList<DocBlock> Read(string text)
    {
        var examples = DocExamplesTests.Examples(text).Where(e => e.Block > 0).ToLookup(e => e.Block);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var blocks = new List<DocBlock>();
        var inBlock = false;
        var number = 0;
        var (opened, notRun, standIns, setups) = (0, (string?)null, new List<DocStandIn>(), new List<DocStep>());
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                if (inBlock)
                {
                    number++;
                    (opened, notRun, standIns, setups) = (i + 1, null, [], []);
                    for (var j = i - 1; j >= 0 && Comment().IsMatch(lines[j]); j--)
                    {
                        notRun ??= NotRun().Match(lines[j]) is { Success: true } m ? m.Groups["reason"].Value : null;
                        if (StandIns().Match(lines[j]) is { Success: true } s)
                        {
                            standIns.AddRange(s.Groups["pairs"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => StandIn(p, j + 1)));
                        }
                    }
                }
                else
                {
                    var steps = setups.Concat(examples[number].Select(e => new DocStep(e.Line, false, e.Example, DocExamplesTests.Words(e.Example))))
                        .OrderBy(s => s.Line).ThenBy(s => s.IsSetup ? 0 : 1).ToList();
                    blocks.Add(new DocBlock(number, opened, notRun, standIns, steps));
                }

                continue;
            }

            if (inBlock)
            {
                setups.AddRange(Setup().Matches(lines[i]).Select(m => new DocStep(i + 1, true, "python3 " + m.Groups["args"].Value.Trim(), DocExamplesTests.Words(m.Groups["args"].Value))));
            }
        }

        return blocks;
    }

    private static DocStandIn StandIn(string pair, int line)
    {
        var parts = pair.Split('=');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new InvalidDataException($"line {line}: the stand-in '{pair}' is not NAME=PATH (the reader's name, '=', a file or folder of the repository or ../shared).");
        }

        return new DocStandIn(parts[0], parts[1]);
    }

    [GeneratedRegex(@"^\s*<!--.*-->\s*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"^\s*<!--\s*not run:\s*(?<reason>\S.*?)\s*-->\s*$")]
    private static partial Regex NotRun();

    [GeneratedRegex(@"^\s*<!--\s*stand-ins:\s*(?<pairs>\S.*?)\s*-->\s*$")]
    private static partial Regex StandIns();

    [GeneratedRegex(@"(?:^|&&)\s*python3\s+(?<args>scripts/make_[a-z_]+\.py[^&;|#]*)")]
    private static partial Regex Setup();
}

/// <summary>A code block of a page: its number (1, 2, … as <see cref="DocExamplesTests.Examples"/> counts them), the line of its opening fence, its markers and its steps.</summary>
internal sealed record DocBlock(int Number, int Line, string? NotRun, IReadOnlyList<DocStandIn> StandIns, IReadOnlyList<DocStep> Steps);

/// <summary>A step of a code block: a <c>cpnlp</c> example (its words after <c>cpnlp</c>) or a set-up line (<see cref="IsSetup"/>: the words after <c>python3</c>).</summary>
internal sealed record DocStep(int Line, bool IsSetup, string Text, IReadOnlyList<string> Words);

/// <summary>The repository's (or <c>../shared</c>'s) <see cref="Source"/> copied into the scratch folder as <see cref="Name"/>.</summary>
internal readonly record struct DocStandIn(string Name, string Source);
