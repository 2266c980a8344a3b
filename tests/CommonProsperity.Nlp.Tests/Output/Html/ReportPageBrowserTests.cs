using CommonProsperity.Nlp.Tests.Support;
using PuppeteerSharp;

namespace CommonProsperity.Nlp.Tests.Output.Html;

/// <summary>
/// report.html opened from disk in a real browser (headless Chromium): it draws without console errors
/// and without a single network request, the heatmap has one row per document, and a click on a cell
/// shows that document's and theme's evidence rows with the counts of the CSV reports. Waits are for
/// conditions only, with generous limits; nothing is timed.
/// </summary>
public sealed class ReportPageBrowserTests
{
    private const int WaitMs = 120_000;

    [Fact]
    public async Task SharedCorpus_ClickOnCell_ShowsTheCsvEvidenceOfThatDocumentAndTheme()
    {
        using var output = new TempDirectory();
        var (code, _, error) = CliRunner.Run("analyze", Path.Combine(TestPaths.Shared, "corpus"), "--out", output.Path, "--quiet", "--no-charts");
        Assert.True(code == 0, error);
        var wide = ReportReader.Read(Path.Combine(output.Path, ReportFiles.ThemeFrequencyWide));
        var frequency = ReportReader.Read(Path.Combine(output.Path, ReportFiles.ThemeFrequency));
        var evidence = ReportReader.Read(Path.Combine(output.Path, ReportFiles.Evidence));

        // The cell to click: the one with the most hits that the page shows on one page of evidence (25 rows).
        var target = frequency.Where(r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture) is > 1 and <= 25)
            .OrderByDescending(r => int.Parse(r["hits"], System.Globalization.CultureInfo.InvariantCulture)).First();
        var documentIndex = wide.FindIndex(r => r["document"] == target["document"]);
        var expectedMatches = evidence.Where(r => r["document"] == target["document"] && r["theme"] == target["theme"]).Select(r => r["match"]).ToList();
        Assert.Equal(int.Parse(target["hits"], System.Globalization.CultureInfo.InvariantCulture), expectedMatches.Count);

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var (errors, requests) = Watch(page);
        await page.SetViewportAsync(new ViewPortOptions { Width = 1440, Height = 1000 });
        var url = new Uri(Path.Combine(output.Path, ReportFiles.Report)).AbsoluteUri;
        await page.GoToAsync(url, new NavigationOptions { Timeout = WaitMs, WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForSelectorAsync("table.heatmap tbody tr", new WaitForSelectorOptions { Timeout = WaitMs });

        var rows = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('table.heatmap tbody tr').length");
        Assert.Equal(wide.Count, rows);

        await page.ClickAsync($"td.cell[data-document='{documentIndex}'][data-theme='{target["theme"]}']");
        await page.WaitForSelectorAsync($"#evidence-panel[data-theme='{target["theme"]}'] table.kwic tbody tr", new WaitForSelectorOptions { Timeout = WaitMs });
        var panel = await page.EvaluateExpressionAsync<string[]>("[document.getElementById('evidence-panel').dataset.document, document.getElementById('evidence-panel').dataset.hits]");
        var shown = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#evidence-panel table.kwic tbody tr mark')].map(m => m.textContent)");

        Assert.Equal([target["document"], target["hits"]], panel);
        Assert.Equal(expectedMatches, shown);
        Assert.Empty(errors);
        Assert.Equal([url], requests);

        // The picture in the README and docs/report-html.md: the heatmap with a cell's evidence open.
        await page.EvaluateExpressionAsync("document.getElementById('heatmap').scrollIntoView()");
        await page.Mouse.MoveAsync(0, 0);
        var picture = Path.Combine(AppContext.BaseDirectory, "report-html.png");
        await page.ScreenshotAsync(picture);
        Assert.True(new FileInfo(picture).Length > 10_000);
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_SCREENSHOT") == "1") // not with CPNLP_UPDATE_DOCS: a PNG differs from run to run, and would conflict on every merge
        {
            File.Copy(picture, Path.Combine(TestPaths.RepoRoot, "docs", "images", "report-html.png"), overwrite: true);
        }
    }

    [Fact]
    public async Task HostileTitleAndText_AreShownAsText_AndNothingRuns()
    {
        using var corpus = new TempDirectory();
        using var output = new TempDirectory();
        const string Hostile = "</script><img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
        File.WriteAllText(Path.Combine(corpus.Path, "a.txt"), $"Common prosperity and {Hostile} inequality, the party and charity.\n");
        File.WriteAllText(Path.Combine(corpus.Path, "sources.csv"), $"file,title,publisher\na.txt,\"{Hostile.Replace("\"", "\"\"", StringComparison.Ordinal)}\",\"<b onmouseover=alert(1)>x</b>\"\n");
        var (code, _, error) = CliRunner.Run("analyze", corpus.Path, "--out", output.Path, "--quiet", "--no-charts");
        Assert.True(code == 0, error);

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var (errors, requests) = Watch(page);
        var dialogs = 0;
        page.Dialog += async (_, e) => { dialogs++; await e.Dialog.Dismiss(); };
        var url = new Uri(Path.Combine(output.Path, ReportFiles.Report)).AbsoluteUri;
        await page.GoToAsync(url, new NavigationOptions { Timeout = WaitMs, WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForSelectorAsync("table.heatmap tbody tr", new WaitForSelectorOptions { Timeout = WaitMs });
        await page.ClickAsync("td.cell:not(.zero)");
        await page.WaitForSelectorAsync("#evidence-panel table.kwic tbody tr", new WaitForSelectorOptions { Timeout = WaitMs });

        var title = await page.EvaluateExpressionAsync<string>("document.title");
        var images = await page.EvaluateExpressionAsync<int>("document.images.length");
        var bold = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('main b').length");
        var shownTitle = await page.EvaluateExpressionAsync<string>("document.querySelector('table.heatmap tbody td[title^=\"</script>\"]').textContent");
        Assert.DoesNotContain("pwned", title, StringComparison.Ordinal);

        // One document, counted in the singular where the page counts it.
        Assert.Equal("cpnlp report: 1 document", title);
        Assert.Equal("cpnlp analyze: 1 document", await page.EvaluateExpressionAsync<string>("document.getElementById('title').textContent"));
        Assert.Contains("(1 hit in 1 document)", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);
        Assert.Equal(0, images);
        Assert.Equal(0, bold);
        Assert.Equal(0, dialogs);
        Assert.Equal(Hostile, shownTitle);
        Assert.Empty(errors);
        Assert.Equal([url], requests);
    }

    /// <summary>
    /// The page of a merge that left the evidence in the shards' folders (merge's default): a cell still shows its
    /// rows (read from the shards' files when the page was written), and the page says, before any click, that
    /// evidence.csv is not in the folder yet and which command writes it.
    /// </summary>
    [Fact]
    public async Task MergedByDefault_ShowsTheEvidenceAndSaysEvidenceCsvIsNotThereYet()
    {
        using var temp = new TempDirectory();
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "0/2", "--out", temp.File("s0"), "--quiet");
        CliRunner.Run("analyze", TestPaths.MiniCorpus, "--shard", "1/2", "--out", temp.File("s1"), "--quiet");
        var (code, output, _) = CliRunner.Run("merge", temp.File("s0"), temp.File("s1"), "--out", temp.File("merged"), "--no-charts");
        Assert.True(code is 0 or 2, output);
        Assert.False(File.Exists(temp.File("merged/" + ReportFiles.Evidence)));

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var (errors, requests) = Watch(page);
        var url = new Uri(temp.File("merged/" + ReportFiles.Report)).AbsoluteUri;
        await page.GoToAsync(url, new NavigationOptions { Timeout = WaitMs, WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForSelectorAsync("table.heatmap tbody tr", new WaitForSelectorOptions { Timeout = WaitMs });
        var note = await page.EvaluateExpressionAsync<string>("document.getElementById('evidence-panel').textContent");
        await page.ClickAsync("td.cell:not(.zero)");
        await page.WaitForSelectorAsync("#evidence-panel table.kwic tbody tr", new WaitForSelectorOptions { Timeout = WaitMs });

        Assert.Contains("evidence.csv (not in this folder yet", note, StringComparison.Ordinal);
        // The command works wherever the folder is moved, on any system's shell: no absolute path, nothing to quote.
        Assert.Contains("cpnlp evidence assemble . run in this folder, the one holding this page, writes it", note, StringComparison.Ordinal);
        Assert.DoesNotContain(temp.Path, File.ReadAllText(temp.File("merged/" + ReportFiles.Report)), StringComparison.Ordinal);
        Assert.Empty(errors);
        Assert.Equal([url], requests);
    }

    /// <summary>Collects the page's console errors and uncaught exceptions, and every request it makes.</summary>
    private static (List<string> Errors, List<string> Requests) Watch(IPage page)
    {
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning)
            {
                lock (errors)
                {
                    errors.Add($"console {e.Message.Type}: {e.Message.Text}");
                }
            }
        };
        page.PageError += (_, e) =>
        {
            lock (errors)
            {
                errors.Add("page error: " + e.Message);
            }
        };
        page.Request += (_, e) =>
        {
            lock (requests)
            {
                requests.Add(e.Request.Url);
            }
        };
        return (errors, requests);
    }
}
