using System.Globalization;
using CommonProsperity.Nlp.Tests.Support;
using Xunit.Abstractions;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// A 200 MB file with no line break (a scraped page dumped on one line): analysed to the end with the
/// right counts, nothing skipped. Run as a child process so that its memory goes back to the system.
/// Measured on the 2-core CI machine (Debug build): about 9 s and a peak of 2.4 to 2.8 GB resident
/// (the file's bytes, its text as UTF-16, and the token arrays of 32 million tokens).
/// </summary>
[Collection(ChildProcessCollection.Name)]
public class LargeInputTests(ITestOutputHelper log)
{
    [Fact]
    public void Analyze_200MegabyteFileWithoutLineBreaks_CountsEveryHitAndSkipsNothing()
    {
        using var temp = new TempDirectory();
        var input = temp.File("in/one line.txt");
        var chunks = LargeText.Write(input, 200L << 20, "charity ");
        var lexicon = temp.Write("lexicon.csv", "theme,term\nphilanthropy,charit*\ninequality,income gap\n");
        var output = temp.File("reports");

        using var child = CpnlpProcess.Start("analyze", temp.File("in"), "--lexicon", lexicon, "--out", output, "--quiet");
        long peakKb = 0;
        while (!child.WaitForExit(TimeSpan.FromMilliseconds(200)))
        {
            peakKb = Math.Max(peakKb, PeakResidentKb(child.Id));
            Assert.True(child.Elapsed < TimeSpan.FromMinutes(15), "the run hung: no exit after 15 minutes (a guard against hanging, not a speed test)");
        }

        log.WriteLine($"{new FileInfo(input).Length:N0} bytes in {child.Elapsed.TotalSeconds:F1} s, peak resident memory {peakKb / 1024:N0} MB");
        Assert.True(child.ExitCode == 0, child.ToString());
        var rows = ReportReader.Read(Path.Combine(output, "theme_frequency.csv"));
        var philanthropy = rows.Single(r => r["theme"] == "philanthropy");
        Assert.Equal("one line.txt", philanthropy["document"]);
        Assert.Equal("3", philanthropy["hits"]);
        Assert.Equal((chunks * LargeText.ChunkTokens + 3).ToString(CultureInfo.InvariantCulture), philanthropy["tokens"]);
        Assert.Equal("0", rows.Single(r => r["theme"] == "inequality")["hits"]);
        var evidence = ReportReader.Read(Path.Combine(output, "evidence.csv"));
        var half = chunks / 2 * LargeText.Chunk.Length;
        Assert.Equal([0, 8 + half + 1, 8 + half + 9 + half + 1], evidence.Select(e => long.Parse(e["start"], CultureInfo.InvariantCulture)));
        Assert.Contains("\"skipped\": []", File.ReadAllText(Path.Combine(output, "manifest.json")), StringComparison.Ordinal);
    }

    private static long PeakResidentKb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
