using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>
/// <c>manifest.json</c> for a fixed run, compared byte for byte with Fixtures/Golden/manifest.json
/// (written by the hand-built writer before the manifest went through System.Text.Json), so that the
/// format cannot change unnoticed: names, order, indentation, escaping, nulls and empty lists.
/// </summary>
public sealed class ManifestWriterTests
{
    [Fact]
    public void Write_FixedRun_MatchesTheGoldenManifest()
    {
        using var temp = new TempDirectory();
        var manifest = new RunManifest(
            "analyze",
            "0.1.0",
            new DateTimeOffset(2026, 11, 30, 4, 30, 15, 123, TimeSpan.Zero),
            [new("inputs", "corpus/;更多"), new("out", "reports"), new("id_column", null), new("charts", "yes")],
            "built-in",
            "ab12",
            658,
            ["inequality", "philanthropy"],
            [new InputFileRecord("a \"quoted\".txt", 12, "cd34", "txt", "utf-8", 1), new InputFileRecord("慈善法.txt", 3000, "ef56", "txt", "gb18030", 1)],
            [Problem.Skipped("empty.txt", "empty.txt: the file is empty.", "Remove it or check that it is the right file.")],
            ["sources.csv:2: the date '2021-13-45' is not yyyy-MM-dd <or> & so on."],
            2,
            3012,
            3050,
            [new("discover", 5), new("analyze", 70)]);

        ManifestWriter.Write(temp.File("manifest.json"), manifest, ["evidence.csv", "manifest.json"], new Dictionary<string, string> { ["evidence.csv"] = "0f" });
        ManifestWriter.Write(temp.File("no-hashes.json"), manifest with { Inputs = [], Skipped = [], Warnings = [] }, []);

        foreach (var name in new[] { "manifest.json", "no-hashes.json" })
        {
            var golden = Path.Combine(TestPaths.SourceFixtures, "Golden", "manifest", name);
            if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
                File.Copy(temp.File(name), golden, overwrite: true);
            }

            Assert.Equal(File.ReadAllText(golden), File.ReadAllText(temp.File(name)));
        }
    }
}
