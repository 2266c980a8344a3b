using System.Globalization;
using CommonProsperity.Nlp.Cli;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using Spectre.Console;

namespace CommonProsperity.Nlp.Tests.Cli;

public class KwicCommandTests
{
    [Fact]
    public void Kwic_MiniCorpusTerms_MatchesGoldenKwicCsv()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("kwic", TestPaths.MiniCorpus, "--term", "共同富裕", "--term", "inequalit*", "--term", "party state", "--context", "12", "--out", temp.Path);

        Assert.True(code == 2, error); // the mini corpus has files to skip
        Assert.Contains("match(es) of '共同富裕', 'inequalit*', 'party state'", output, StringComparison.Ordinal);
        var golden = Path.Combine(TestPaths.SourceFixtures, "Golden", "kwic", ReportFiles.Kwic);
        if (Environment.GetEnvironmentVariable("CPNLP_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(golden)!);
            File.Copy(temp.File(ReportFiles.Kwic), golden, overwrite: true);
        }

        Assert.Equal(File.ReadAllText(golden), File.ReadAllText(temp.File(ReportFiles.Kwic)));
    }

    [Fact]
    public void Kwic_LexiconTheme_GivesExactlyTheThemesEvidenceRows()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");
        var (analyzeCode, _, analyzeError) = CliRunner.Run("analyze", corpus, "--out", temp.File("analyze"), "--no-charts", "--quiet");
        Assert.True(analyzeCode == 0, analyzeError);

        var (code, _, error) = CliRunner.Run("kwic", corpus, "--lexicon-theme", "international", "--out", temp.File("kwic"));

        Assert.True(code == 0, error);
        static string Key(Dictionary<string, string> r) => string.Join('|', r["document"], r["term"], r["start"], r["end"], r["match"]);
        var evidence = ReportReader.Read(Path.Combine(temp.File("analyze"), ReportFiles.Evidence)).Where(r => r["theme"] == "international").Select(Key).ToList();
        var kwic = ReportReader.Read(Path.Combine(temp.File("kwic"), ReportFiles.Kwic));
        Assert.NotEmpty(evidence);
        Assert.Equal(evidence, kwic.Select(Key));
        Assert.All(kwic, r => Assert.Equal("international", r["theme"]));
        Assert.All(kwic, r => Assert.Contains(r["match"].ReplaceLineEndings(" "), r["sentence"], StringComparison.Ordinal));
    }

    [Fact]
    public void Kwic_Sample_IsReproducibleWithAnEmptyCorrectColumn()
    {
        using var temp = new TempDirectory();
        var corpus = Path.Combine(TestPaths.Shared, "corpus");

        string[] Run(string folder, string seed)
        {
            var (code, _, error) = CliRunner.Run("kwic", corpus, "--lexicon-theme", "philanthropy", "--sample", "30", "--seed", seed, "--out", temp.File(folder));
            Assert.True(code == 0, error);
            return File.ReadAllLines(Path.Combine(temp.File(folder), ReportFiles.Kwic));
        }

        var first = Run("a", "7");
        var again = Run("b", "7");
        var other = Run("c", "8");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(31, first.Length);
        var rows = ReportReader.Read(Path.Combine(temp.File("a"), ReportFiles.Kwic));
        Assert.All(rows, r => Assert.Equal(string.Empty, r[KwicLine.CorrectColumn]));
        Assert.Equal(rows.OrderBy(r => r["document"], StringComparer.Ordinal).ThenBy(r => int.Parse(r["start"], CultureInfo.InvariantCulture)).Select(r => r["start"]), rows.Select(r => r["start"]));
    }

    [Fact]
    public void Kwic_Console_FitsTheTerminalWidth()
    {
        using var temp = new TempDirectory();

        var (code, output, error) = CliRunner.Run("kwic", Path.Combine(TestPaths.Shared, "corpus"), "--term", "共同富裕", "--term", "charit*", "--out", temp.Path);

        Assert.True(code == 0, error);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("  20", StringComparison.Ordinal)).ToList();
        Assert.Equal(CommonProsperity.Nlp.Cli.Commands.KwicCommand.MaxPrinted, lines.Count);
        Assert.All(lines, l => Assert.True(l.GetCellWidth() <= ConsoleWidth.Default, $"{l.GetCellWidth()} cells: {l}"));
        Assert.Contains("more line(s) in kwic.csv", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--term", "x", "--lexicon-theme", "control" }, "both given")]
    [InlineData(new string[0], "nothing to look for")]
    [InlineData(new[] { "--term", "x", "--lexicon", "l.csv" }, "--lexicon only goes with --lexicon-theme")]
    [InlineData(new[] { "--term", "x", "--sample", "0" }, "--sample 0 is below 1")]
    [InlineData(new[] { "--term", "，" }, "search term 1")]
    [InlineData(new[] { "--lexicon-theme", "wealth" }, "no theme 'wealth'")]
    public void Kwic_BadOptions_ExitWith64SayingWhy(string[] options, string message)
    {
        var (code, _, error) = CliRunner.Run(["kwic", TestPaths.MiniCorpus, .. options]);

        Assert.Equal(64, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void LexiconCheckValidated_SampleMarkedByHand_ReportsPrecisionPerTermAndTheme()
    {
        using var temp = new TempDirectory();
        var (code, _, error) = CliRunner.Run("kwic", TestPaths.MiniCorpus, "--lexicon", TestPaths.MiniLexicon, "--lexicon-theme", "philanthropy", "--sample", "5", "--seed", "3", "--out", temp.File("kwic"));
        Assert.True(code == 2, error);
        var sheet = Path.Combine(temp.File("kwic"), ReportFiles.Kwic);
        var table = CommonProsperity.Nlp.Ingestion.CsvTable.Open(sheet);
        var correct = table.IndexOf(KwicLine.CorrectColumn);
        var marked = table.Rows().Select((row, i) => row.Fields.Select((f, c) => c == correct ? (i == 0 ? "n" : "y") : f).ToArray()).ToList();
        using (var csv = CsvReport.Create(temp.File("checked.csv")))
        {
            csv.WriteRow([.. table.Headers]);
            foreach (var row in marked)
            {
                csv.WriteRow([.. row]);
            }
        }

        var (checkCode, output, checkError) = CliRunner.Run("lexicon", "check", "--validated", temp.File("checked.csv"), "--out", temp.File("check"));

        Assert.True(checkCode == 0, checkError);
        Assert.Contains("5 of 5 line(s) marked", output, StringComparison.Ordinal);
        var rows = ReportReader.Read(Path.Combine(temp.File("check"), ReportFiles.ValidatedPrecision));
        var theme = rows.Single(r => r["level"] == "theme");
        Assert.Equal(("philanthropy", "5", "4", "0.8000"), (theme["theme"], theme["checked"], theme["correct"], theme["precision"]));
        Assert.Equal("0.3755", theme["precision_low"]); // Wilson, 4 of 5
        Assert.Equal(5, rows.Where(r => r["level"] == "term").Sum(r => int.Parse(r["checked"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void LexiconCheckValidated_BadMark_ExitsNamingTheLine()
    {
        using var temp = new TempDirectory();
        var sheet = temp.Write("checked.csv", "document,theme,term,correct\na.txt,,慈善,y\na.txt,,慈善,perhaps\n");

        var (code, _, error) = CliRunner.Run("lexicon", "check", "--validated", sheet, "--out", temp.File("check"));

        Assert.NotEqual(0, code);
        Assert.Contains("line 3: 'perhaps' is not a mark", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("check")) && File.Exists(Path.Combine(temp.File("check"), ReportFiles.ValidatedPrecision)));
    }

    [Fact]
    public void LexiconCheck_NeitherLabelsNorValidated_ExitsWith64()
    {
        var (code, _, error) = CliRunner.Run("lexicon", "check");

        Assert.Equal(64, code);
        Assert.Contains("--labels is required", error, StringComparison.Ordinal);
    }
}
