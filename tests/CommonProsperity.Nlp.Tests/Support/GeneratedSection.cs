namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// A part of a documentation page generated from the code (the column reference of docs/reports.md, the format
/// table of docs/analyze.md, the README's theme table): checked to be current, or rewritten when <c>CPNLP_UPDATE_DOCS=1</c>.
/// </summary>
internal static class GeneratedSection
{
    /// <summary>
    /// Asserts that the lines of <paramref name="page"/> (a path from the repository's root) from <paramref name="begin"/> to <paramref name="end"/> are
    /// <paramref name="generated"/> (which includes both), or writes them there when <c>CPNLP_UPDATE_DOCS=1</c>.
    /// </summary>
    public static void AssertCurrent(string page, string begin, string end, string generated)
    {
        var path = Path.Combine(TestPaths.RepoRoot, page);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"{page} lacks the lines that enclose the generated part:\n{begin}\n{end}");
        var current = text[from..(to + end.Length + 1)];
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text.Replace(current, generated, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(generated, current);
    }
}
