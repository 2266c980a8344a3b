using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Ingestion;
using PuppeteerSharp;

namespace CommonProsperity.Nlp.Tests.Output.Html;

/// <summary>
/// The report.html of compare, trend and topics opened from disk in headless Chromium: no console
/// error, no request, and the command's own section drawn from its CSV report (one bar per group and
/// theme, one line per theme, one card per topic). Waits are for conditions only.
/// </summary>
public sealed class DiscoveryPageBrowserTests
{
    private const int WaitMs = 120_000;

    public static TheoryData<string, string[], string, string> Commands() => new()
    {
        // command, its arguments, an element per CSV row group to count, and the JavaScript that counts what the CSV says there should be
        { "compare", ["--by", "language"], "#themes-by-group ~ .bars .bar", "groups * themes" },
        { "trend", [], "svg.chart polyline", "themes" },
        { "trend", ["--terms", "共同富裕,慈善,common prosperity"], "svg.chart polyline", "terms" },
        { "topics", ["--topics", "4"], "#topic-cards > div", "topics" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Page_OfDiscoveryCommand_DrawsItsCsvWithoutErrorsOrRequests(string command, string[] arguments, string selector, string expected)
    {
        using var output = new TempDirectory();
        var (code, _, error) = CliRunner.Run([command, Path.Combine(TestPaths.Shared, "corpus"), .. arguments, "--out", output.Path, "--no-charts"]);
        Assert.True(code == 0, error);

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, e) => { if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning) { lock (errors) { errors.Add(e.Message.Text); } } };
        page.PageError += (_, e) => { lock (errors) { errors.Add(e.Message); } };
        page.Request += (_, e) => { lock (requests) { requests.Add(e.Request.Url); } };
        var url = new Uri(Path.Combine(output.Path, ReportFiles.Report)).AbsoluteUri;
        await page.GoToAsync(url, new NavigationOptions { Timeout = WaitMs, WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForSelectorAsync("#run", new WaitForSelectorOptions { Timeout = WaitMs });

        // A line broken at missing periods is drawn in pieces, each naming its series: count the series.
        var drawn = await page.EvaluateExpressionAsync<int>(
            $"new Set([...document.querySelectorAll({System.Text.Json.JsonSerializer.Serialize(selector)})].map(e => e.getAttribute('data-series') ?? e)).size");
        var csv = CountFromCsv(output.Path, expected);
        Assert.Equal(csv, drawn);
        Assert.True(drawn > 0);
        if (command == "trend")
        {
            // ../shared/corpus has documents of 2004, 2017-2018 and 2021-2026: each line in three pieces.
            Assert.Equal(3 * csv, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('svg.chart polyline').length"));
        }

        Assert.Empty(errors);
        Assert.Equal([url], requests);
    }

    [Fact]
    public async Task Page_OfCompare_ShowsEveryNumberAsItsCsvWritesIt()
    {
        using var output = new TempDirectory();
        var (code, _, error) = CliRunner.Run(["compare", Path.Combine(TestPaths.Shared, "corpus"), "--by", "language", "--out", output.Path, "--no-charts"]);
        Assert.True(code == 0, error);

        await using var browser = await HeadlessChromium.LaunchAsync();
        await using var page = await browser.NewPageAsync();
        await page.GoToAsync(new Uri(Path.Combine(output.Path, ReportFiles.Report)).AbsoluteUri, new NavigationOptions { Timeout = WaitMs, WaitUntil = [WaitUntilNavigation.Load] });
        await page.WaitForSelectorAsync("#run", new WaitForSelectorOptions { Timeout = WaitMs });

        var checkedCells = 0;
        var scientific = 0;
        foreach (var file in new[] { ReportFiles.ThemeByGroup, ReportFiles.Keyness })
        {
            // Every cell as the page's tables show it (numbers through shown(), by the column's format), row by row.
            var shown = await page.EvaluateExpressionAsync<string[][]>(
                $"(t => t.rows.map(r => r.map((v, i) => typeof v === 'number' ? shown(v, t.formats[i]) : String(v))))(tables[{System.Text.Json.JsonSerializer.Serialize(file)}])");
            var csv = CsvTable.Open(Path.Combine(output.Path, file));
            var rows = csv.Rows().Select(row => Enumerable.Range(0, csv.Headers.Count).Select(row.Get).ToArray()).ToList();
            Assert.Equal(rows.Count, shown.Length);
            for (var r = 0; r < rows.Count; r++)
            {
                Assert.Equal(rows[r], shown[r]);
                checkedCells += rows[r].Length;
                scientific += rows[r].Count(cell => cell.Contains("E-", StringComparison.Ordinal));
            }
        }

        // The p-values span orders of magnitude: on ../shared/corpus many are written like 7.96445E-38.
        Assert.True(checkedCells > 100, $"only {checkedCells} cells checked");
        Assert.True(scientific > 0, "no p-value in scientific notation was checked");
    }

    /// <summary>What the command's CSV report says the page must draw.</summary>
    private static int CountFromCsv(string folder, string what)
    {
        switch (what)
        {
            case "groups * themes":
                var byGroup = ReportReader.Read(Path.Combine(folder, ReportFiles.ThemeByGroup));
                return byGroup.Count;
            case "terms":
                return ReportReader.Read(Path.Combine(folder, ReportFiles.TermTrend)).Select(r => r["term"]).Distinct(StringComparer.Ordinal).Count();
            case "themes":
                return ReportReader.Read(Path.Combine(folder, ReportFiles.ThemeTrend)).Select(r => r["theme"]).Distinct(StringComparer.Ordinal).Count();
            default:
                return ReportReader.Read(Path.Combine(folder, ReportFiles.Topics)).Select(r => r["topic"]).Distinct(StringComparer.Ordinal).Count();
        }
    }
}
