using System.Globalization;
using System.Text.Json;
using CommonProsperity.Nlp.Output.Html;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output.Html;

/// <summary>report.html's data, read out of the page without a browser: the CSV reports' rows, the evidence cap, the switch.</summary>
public sealed class AnalysisHtmlTests
{
    [Theory]
    [InlineData(0, 100)]
    [InlineData(13, 100)]
    [InlineData(100, 100)]
    [InlineData(101, 99)]
    [InlineData(1_000, 10)]
    [InlineData(10_000, 1)]
    [InlineData(10_001, 0)]
    [InlineData(54_012, 0)]
    public void CapFor_CellsWithHits_SharesTheRowBudget(long cells, int perCell) =>
        Assert.Equal(perCell, EvidenceSample.CapFor(cells));

    [Fact]
    public void Analyze_MiniCorpus_PageHoldsTheCsvRowsAndEveryEvidenceRow()
    {
        using var output = new TempDirectory();
        var (code, _, error) = CliRunner.Run("analyze", TestPaths.MiniCorpus, "--lexicon", TestPaths.MiniLexicon, "--out", output.Path, "--quiet", "--no-charts");
        Assert.True(code == 2 || code == 0, error); // the mini corpus has files that are skipped

        using var data = PageData(output.File(ReportFiles.Report));
        var root = data.RootElement;
        var wide = File.ReadAllLines(output.File(ReportFiles.ThemeFrequencyWide)).Skip(1).ToList();
        var documents = root.GetProperty("documents");
        Assert.Equal(File.ReadLines(output.File(ReportFiles.ThemeFrequencyWide)).First().TrimStart('\uFEFF'), string.Join(",", documents.GetProperty("columns").EnumerateArray().Select(c => c.GetString())));
        Assert.Equal(wide.Count, documents.GetProperty("rows").GetArrayLength());

        // Every evidence row of the CSV is in the page (the corpus is far below the cap), in its cell, in text order.
        var evidence = ReportReader.Read(output.File(ReportFiles.Evidence));
        var ids = documents.GetProperty("rows").EnumerateArray().Select(r => r[0].GetString()).ToList();
        var themes = root.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("id").GetString()).ToList();
        var columns = root.GetProperty("evidence").GetProperty("columns").EnumerateArray().Select(c => c.GetString()).ToList();
        var inPage = root.GetProperty("evidence").GetProperty("cells").EnumerateArray()
            .SelectMany(cell => cell[2].EnumerateArray().Select(row => (Document: ids[cell[0].GetInt32()], Theme: themes[cell[1].GetInt32()],
                Start: row[columns.IndexOf("start")].GetInt64(), Match: row[columns.IndexOf("match")].GetString())))
            .ToList();
        var expected = evidence
            .Select(r => (Document: (string?)r["document"], Theme: (string?)r["theme"], Start: long.Parse(r["start"], CultureInfo.InvariantCulture), Match: (string?)r["match"]))
            .OrderBy(r => ids.IndexOf(r.Document)).ThenBy(r => themes.IndexOf(r.Theme)) // by cell; within a cell, text order (a stable sort)
            .ToList();
        Assert.Equal(expected, inPage);
        Assert.NotEmpty(inPage);

        // Skipped files and warnings come from the one problem channel, as the manifest lists them.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(output.File(ReportFiles.Manifest)));
        var skipped = manifest.RootElement.GetProperty("skipped").GetArrayLength();
        Assert.Equal(skipped, root.GetProperty("run").GetProperty("skipped_count").GetInt32());
        Assert.True(skipped > 0);
    }

    [Fact]
    public void Analyze_TwiceOnTheSameInputs_WritesTheSamePage()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", first.Path, "--quiet", "--no-charts");
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", second.Path, "--quiet", "--no-charts");

        Assert.Equal(File.ReadAllBytes(first.File(ReportFiles.Report)), File.ReadAllBytes(second.File(ReportFiles.Report)));
    }

    [Fact]
    public void Analyze_NoHtml_WritesNoPageAndTheManifestListsNone()
    {
        using var output = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--out", output.Path, "--quiet", "--no-charts", "--no-html");

        Assert.False(File.Exists(output.File(ReportFiles.Report)));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(output.File(ReportFiles.Manifest)));
        Assert.DoesNotContain(ReportFiles.Report, manifest.RootElement.GetProperty("reports").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("no", manifest.RootElement.GetProperty("options").GetProperty("html").GetString());
    }

    [Fact]
    public void Analyze_HostileMetadata_NeverAppearsAsMarkupInTheFile()
    {
        using var corpus = new TempDirectory();
        using var output = new TempDirectory();
        corpus.Write("a.txt", "Common prosperity </script><img src=x onerror=alert(1)> and charity.\n");
        corpus.Write("sources.csv", "file,title\na.txt,</script><img src=x onerror=alert(1)>\n");
        var (code, _, error) = CliRunner.Run("analyze", corpus.Path, "--out", output.Path, "--quiet", "--no-charts");
        Assert.True(code == 0, error);

        var page = File.ReadAllText(output.File(ReportFiles.Report));
        Assert.DoesNotContain("<img", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2, page.Split("</script>").Length - 1); // the page's own two script elements, nothing from the data
        using var data = PageData(output.File(ReportFiles.Report));
        Assert.Contains("</script><img src=x onerror=alert(1)>", data.RootElement.GetProperty("documents").GetProperty("rows")[0].EnumerateArray().Select(c => c.ToString()));
    }

    /// <summary>The JSON in the page's data block.</summary>
    private static JsonDocument PageData(string path)
    {
        var page = File.ReadAllText(path);
        const string Open = "<script type=\"application/json\" id=\"report-data\">";
        var start = page.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = page.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonDocument.Parse(page[start..end]);
    }
}
