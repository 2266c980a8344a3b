using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Ingestion;
using CommonProsperity.Nlp.Tests.Support;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace CommonProsperity.Nlp.Tests.Robustness;

/// <summary>
/// Every kind of bad input an analyst's scraped folder may hold, in one folder with good documents,
/// through <c>cpnlp analyze</c>: each bad input is skipped with a message that names it (and its line,
/// where there is one) and says what to do, the good documents are analysed with the right counts, and
/// the reports list exactly the documents that were not skipped.
/// </summary>
[UnsupportedOSPlatform("windows")]
public class BadInputTests
{
    /// <summary>A bad input: where it is skipped (the manifest's <c>path</c>) and how its message starts.</summary>
    /// <summary>A bad input: its message as printed, and, where it names an option, as the manifest says it (by the option's meaning, not its flag).</summary>
    private sealed record Bad(string Path, string Message, string? AlsoContains = null, string? InManifest = null);

    /// <summary>Good documents and their hits per theme of the mini lexicon (inequality, control, philanthropy, common_prosperity).</summary>
    /// <summary>The extensions the readers read, as the messages list them (<see cref="InputFormats"/>).</summary>
    private static readonly string ReadableTypes = string.Join(", ", InputFormats.All.SelectMany(r => r.Extensions).Order(StringComparer.Ordinal).Select(e => "." + e));

    private static readonly Dictionary<string, int[]> Good = new(StringComparer.Ordinal)
    {
        ["good_en.txt"] = [1, 2, 2, 0],
        ["好 \"quoted\" 文件 name.txt"] = [1, 0, 1, 1],
        ["gbk_no_bom.txt"] = [1, 1, 0, 0],
        ["utf16_no_bom.txt"] = [0, 0, 2, 0],
        ["big5.txt"] = [2, 1, 1, 1], // traditional characters, matched by the simplified lexicon (counting rule 1)
        ["unbalanced_quotes.csv#a"] = [0, 0, 1, 0],
        ["ragged.csv#r1"] = [2, 0, 0, 0],
    };

    private static List<Bad> BuildFolder(string root)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        void Text(string name, string text) => File.WriteAllText(Path.Combine(root, name), text);
        void Bytes(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(root, name), bytes);
        Directory.CreateDirectory(root);

        // The good documents, some in encodings and with names that are easy to get wrong.
        Text("good_en.txt", "Charity and philanthropy reduce income inequality.\nThe party-state keeps strict control.\n");
        Text("好 \"quoted\" 文件 name.txt", "发展慈善事业，推进共同富裕。");
        Bytes("gbk_no_bom.txt", Encoding.GetEncoding("GBK").GetBytes("通知：加强监督管理，缩小收入差距。"));
        Bytes("big5.txt", Encoding.GetEncoding("big5").GetBytes("發展慈善事業，推進共同富裕，縮小收入差距，加強監督管理。"));
        Bytes("utf16_no_bom.txt", Encoding.Unicode.GetBytes("Foundations and charities support philanthropy."));
        Text("sources.csv", "file,title,date,source_url\ngood_en.txt,Good,2021-13-45,https://example.org/good\nmissing.txt,Gone,2020,\n");

        var bad = new List<Bad>
        {
            new("empty.txt", "empty.txt: the file is empty. Remove it or check that it is the right file."),
            new("whitespace.txt", "whitespace.txt: the document has no text. Remove it or check that it is the right file."),
            new("binary.txt", "binary.txt: the file holds binary data (zero bytes), not text. Convert it to a text format"),
            new("latin1.txt", "latin1.txt: the file is not valid UTF-8, UTF-16, GB18030/GBK or Big5 text. Re-save it as UTF-8"),
            new("shift_jis.txt", "shift_jis.txt: the file looks like Japanese text in Shift-JIS, which the toolkit does not read (it is never decoded as Chinese).", "iconv -f SHIFT_JIS -t UTF-8 FILE > FILE.utf8.txt"),
            new("scanned.pdf", "scanned.pdf: the PDF has no text layer (it is probably a scan). Run OCR on it first"),
            new("corrupt.pdf", "corrupt.pdf: cannot read the PDF (", "open and re-save (or 'print to PDF') it, or export its text to .txt."),
            new("scripts_only.html", "scripts_only.html: the document has no text visible on the page."),
            new("unbalanced_quotes.csv", "unbalanced_quotes.csv:3: malformed CSV (", "The 1 document(s) before it were analysed."),
            new("no_text_column.csv", "no_text_column.csv:1: there is no column 'text' to read the text from (columns: id, body). Name the column that holds the text (--text-column).",
                InManifest: "no_text_column.csv:1: there is no column 'text' to read the text from (columns: id, body). Name the column that holds the text (the text column)."),
            new("ragged.csv#r2", "ragged.csv:3: the row has 3 fields but the header has 2, so its columns cannot be trusted."),
            new("photo.jpg", $"photo.jpg: unsupported file type. The readable types are {ReadableTypes};"),
            new("images/scan.tiff", "images/scan.tiff: unsupported file type."),
            new("loop/again", "loop/again: a symbolic link to a folder already read (a loop, or another name for it); it was not followed."),
            new("broken_link.txt", "broken_link.txt: a symbolic link to nothing (its target is missing, or the links loop); it was not followed.", "Remove the link or make it point to a file."),
        };
        Text("empty.txt", "");
        Text("whitespace.txt", "  \n\t\r\n   \u3000\n");
        Bytes("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0xFF, 0x00]);
        Bytes("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 r\u00e9sum\u00e9: charity na\u00efve fa\u00e7ade"));
        Bytes("shift_jis.txt", Encoding.GetEncoding("shift_jis").GetBytes("共同富裕は社会主義の本質的な要求である。所得格差を縮小する。"));
        Bytes("scanned.pdf", ScannedPdf());
        Bytes("corrupt.pdf", [.. PdfReaderTests.MakePdf("Charity and philanthropy.")[..200]]);
        Text("scripts_only.html", "<html><head><title>Charity</title><style>.charity{}</style></head><body><script>var charity = 1;</script><style>p{}</style><noscript></noscript></body></html>");
        Text("unbalanced_quotes.csv", "id,text\na,\"Charity first\"\nb,\"broken \"quote\" here\nc,last charity\n");
        Text("no_text_column.csv", "id,body\n1,Charity\n");
        Text("ragged.csv", "id,text\nr1,Income gap and inequalities.\nr2,too,many\n");
        Bytes("photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0]);
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Bytes("images/scan.tiff", [0x49, 0x49, 0x2A, 0x00]);
        Directory.CreateDirectory(Path.Combine(root, "loop"));
        Directory.CreateSymbolicLink(Path.Combine(root, "loop", "again"), root);
        File.CreateSymbolicLink(Path.Combine(root, "broken_link.txt"), Path.Combine(root, "deleted long ago.txt"));
        if (mkfifo(Path.Combine(root, "pipe.txt"), 0x1A4) == 0)
        {
            bad.Add(new("pipe.txt", "pipe.txt: a named pipe (FIFO), not a regular file; it was not read (only regular files are)."));
        }

        if (MakeUnreadable(Path.Combine(root, "unreadable.txt")))
        {
            bad.Add(new("unreadable.txt", "unreadable.txt: cannot read the file (Access to the path", "Check that it exists and that you may read it."));
        }

        return bad;
    }

    [Fact]
    public void Analyze_FolderWithEveryKindOfBadInput_SkipsEachWithItsMessageAndAnalysesTheRest()
    {
        using var temp = new TempDirectory();
        var root = temp.File("scraped");
        var bad = BuildFolder(root);
        var lexicon = TestPaths.MiniLexicon;

        // --follow-symlinks: as root, the unreadable file is a link to a write-only file under /sys (links out of the inputs are otherwise skipped).
        var (code, output, error) = CliRunner.Run("analyze", root, "--lexicon", lexicon, "--out", temp.File("reports"), "--quiet", "--follow-symlinks");

        // Exit code 2: done, with skips, each named on standard error and in the manifest.
        Assert.True(code == 2, error);
        Assert.Contains($"{bad.Count} input(s) were skipped (see above and manifest.json).", output, StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("reports/manifest.json")));
        var skipped = manifest.RootElement.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => s.GetProperty("path").GetString()!, s => s.GetProperty("reason").GetString()!, StringComparer.Ordinal);
        Assert.Equal(bad.Select(b => b.Path).Order(StringComparer.Ordinal), skipped.Keys.Order(StringComparer.Ordinal));
        foreach (var b in bad)
        {
            Assert.StartsWith(b.InManifest ?? b.Message, skipped[b.Path], StringComparison.Ordinal);
            Assert.Contains(b.AlsoContains ?? b.InManifest ?? b.Message, skipped[b.Path], StringComparison.Ordinal);
            Assert.Contains("skipped: " + (b.InManifest is null ? skipped[b.Path] : b.Message), error, StringComparison.Ordinal);
        }

        // The metadata table's problems are warnings: named, and the rest of its metadata is used.
        Assert.Contains("warning: sources.csv:2: the date '2021-13-45' is not yyyy-MM-dd, yyyy-MM or yyyy;", error, StringComparison.Ordinal);
        Assert.Contains("warning: sources.csv:3: 'missing.txt' names no file in this folder, so its metadata is not used.", error, StringComparison.Ordinal);
        Assert.True(2 == manifest.RootElement.GetProperty("warnings").GetArrayLength(), manifest.RootElement.GetProperty("warnings").ToString());

        // The reports hold exactly the documents that were not skipped, with the right counts.
        var rows = ReportReader.Read(temp.File("reports/theme_frequency.csv"));
        Assert.Equal(Good.Keys.Order(StringComparer.Ordinal), rows.Select(r => r["document"]).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rows, r => skipped.ContainsKey(r["document"]));
        string[] themes = ["inequality", "control", "philanthropy", "common_prosperity"];
        foreach (var (document, hits) in Good)
        {
            Assert.Equal(hits, themes.Select(t => int.Parse(rows.Single(r => r["document"] == document && r["theme"] == t)["hits"], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(Good.Count, manifest.RootElement.GetProperty("documents").GetInt32());
        var good = rows.First(r => r["document"] == "good_en.txt");
        Assert.Equal(("Good", "2021-13-45", "https://example.org/good"), (good["title"], good["date"], good["meta_source_url"]));
        var evidence = ReportReader.Read(temp.File("reports/evidence.csv"));
        Assert.Equal(Good.Values.Sum(h => h.Sum()), evidence.Count);
        Assert.All(Good, g => Assert.Equal(g.Value.Sum(), evidence.Count(e => e["document"] == g.Key)));

        // The encodings read are named per file.
        var inputs = manifest.RootElement.GetProperty("inputs").EnumerateArray()
            .ToDictionary(i => i.GetProperty("path").GetString()!, i => i.GetProperty("encoding").GetString(), StringComparer.Ordinal);
        Assert.Equal("gb18030", inputs["gbk_no_bom.txt"]);
        Assert.Equal("utf-16le", inputs["utf16_no_bom.txt"]);
        Assert.Equal("big5", inputs["big5.txt"]);

        // The table of errors in docs/errors.md shows each of these messages.
        var table = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "errors.md"));
        foreach (var line in error.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var problem = Regex.Match(line, @"^(skipped|warning): [^:]+(:\d+)?: (?<problem>.+?)( \(|\. |\.$|;)").Groups["problem"].Value;
            var pattern = Regex.Replace(Regex.Escape(problem), "'[^']*'", "'[^']*'"); // names in quotes differ from the table's examples
            Assert.True(problem.Length > 0 && Regex.IsMatch(table, pattern), $"docs/errors.md's error table lacks: {line}");
        }
    }

    [Fact]
    public void Analyze_FolderWithNoSupportedFiles_ExitsWith65NamingThemAndWritesNothing()
    {
        using var temp = new TempDirectory();
        temp.Write("in/scan.tiff", [0x49, 0x49, 0x2A, 0x00]);
        temp.Write("in/notes.docx", [0x50, 0x4B, 0x03, 0x04]);

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--out", temp.File("reports"));

        Assert.Equal(65, code);
        Assert.StartsWith($"error: no readable documents were found in {temp.File("in")}. notes.docx: unsupported file type.", error, StringComparison.Ordinal);
        Assert.Contains("scan.tiff: unsupported file type.", error, StringComparison.Ordinal);
        Assert.Contains($"Point the command at files or folders holding {ReadableTypes} files.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("reports")));
    }

    [Fact]
    public void Analyze_NoFileCouldBeRead_ExitsWith65NamingEachAndWritesNothing()
    {
        using var temp = new TempDirectory();
        temp.Write("in/empty.txt", "");
        temp.Write("in/binary.txt", [0x00, 0x01, 0x02, 0x00]);

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--out", temp.File("reports"));

        Assert.Equal(65, code);
        Assert.StartsWith("error: none of the 2 input file(s) could be analysed: binary.txt: the file holds binary data", error, StringComparison.Ordinal);
        Assert.Contains("empty.txt: the file is empty.", error, StringComparison.Ordinal);
        Assert.Contains("Fix or remove the files named above.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("reports")));
    }

    [Fact]
    public void Read_FileTheReaderMayNotOpen_IsSkippedNamingItAndTheOthersAreRead()
    {
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        var locked = temp.Write("b.txt", "Philanthropy.");
        temp.Write("c.txt", "Inequality.");
        var source = new DocumentSource(new IngestionOptions(), path =>
            path == locked ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.") : File.ReadAllBytes(path));
        var skipped = new ProblemLog();

        var documents = source.Read(source.Discover([temp.Path], skipped), skipped, CancellationToken.None).ToList();

        Assert.Equal(["a.txt", "c.txt"], documents.Select(d => d.Id));
        var skip = Assert.Single(skipped.Skipped);
        Assert.Equal("b.txt", skip.File);
        Assert.Equal($"b.txt: cannot read the file (Access to the path '{locked}' is denied.). Check that it exists and that you may read it.", skip.Text);
        Assert.Equal(["a.txt", "c.txt"], source.Inputs.Select(i => i.Path));
    }

    [NotRootFact]
    public void Analyze_FileWithoutReadPermission_IsSkippedNamingIt()
    {
        using var temp = new TempDirectory();
        temp.Write("in/a.txt", "Charity.");
        var locked = temp.Write("in/b.txt", "Philanthropy.");
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--out", temp.File("reports"), "--quiet");

        Assert.Equal(2, code);
        Assert.Contains($"skipped: b.txt: cannot read the file (Access to the path '{locked}' is denied.). Check that it exists and that you may read it.", error, StringComparison.Ordinal);
        Assert.Equal(["a.txt"], ReportReader.Read(temp.File("reports/theme_frequency_wide.csv")).Select(r => r["document"]));
    }

    [Fact]
    public void Read_FileDeletedBetweenListingAndReading_IsSkippedAndTheOthersAreRead()
    {
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        var gone = temp.Write("b.txt", "Philanthropy.");
        temp.Write("c.txt", "Inequality.");
        var source = new DocumentSource(new IngestionOptions());
        var skipped = new ProblemLog();
        var files = source.Discover([temp.Path], skipped);
        File.Delete(gone);

        var documents = source.Read(files, skipped, CancellationToken.None).ToList();

        Assert.Equal(["a.txt", "c.txt"], documents.Select(d => d.Id));
        Assert.Equal("b.txt: the file disappeared before it could be read. Run again once the folder is stable.", Assert.Single(skipped.Skipped).Text);
    }

    [Fact]
    public void Read_FileDeletedWhileBeingOpened_IsSkippedAndTheOthersAreRead()
    {
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        var gone = temp.Write("b.txt", "Philanthropy.");
        var source = new DocumentSource(new IngestionOptions(), path =>
            path == gone ? throw new FileNotFoundException($"Could not find file '{path}'.", path) : File.ReadAllBytes(path));
        var skipped = new ProblemLog();

        var documents = source.Read(source.Discover([temp.Path], skipped), skipped, CancellationToken.None).ToList();

        Assert.Equal(["a.txt"], documents.Select(d => d.Id));
        Assert.Equal($"b.txt: cannot read the file (Could not find file '{gone}'.). Check that it exists and that you may read it.", Assert.Single(skipped.Skipped).Text);
    }

    [Fact]
    public void Analyze_NamesWithSpacesQuotesCommasAndChinese_AreKeptExactlyInEveryReport()
    {
        using var temp = new TempDirectory();
        const string name = "政策 \"文件\", 第1号 's.txt";
        temp.Write("in/" + name, "慈善 and charity.");

        var (code, _, error) = CliRunner.Run("analyze", temp.File("in"), "--lexicon", TestPaths.MiniLexicon, "--out", temp.File("reports"), "--quiet");

        Assert.True(code == 0, error);
        Assert.Equal([name], ReportReader.Read(temp.File("reports/theme_frequency_wide.csv")).Select(r => r["document"]));
        Assert.All(ReportReader.Read(temp.File("reports/evidence.csv")), e => Assert.Equal(name, e["document"]));
        using var manifest = JsonDocument.Parse(File.ReadAllText(temp.File("reports/manifest.json")));
        Assert.Equal(name, manifest.RootElement.GetProperty("inputs")[0].GetProperty("path").GetString());
    }

    /// <summary>A page with a drawn shape and no text, as a scanner's PDF looks to a text extractor.</summary>
    private static byte[] ScannedPdf()
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(PageSize.A4);
        page.DrawRectangle(new PdfPoint(50, 50), 400, 600);
        return builder.Build();
    }

    /// <summary>
    /// Makes a file that cannot be read: without read permission for an ordinary user; for root, a link to
    /// a kernel file that refuses reading even to root (when the machine has one). False when neither works.
    /// </summary>
    private static bool MakeUnreadable(string path)
    {
        if (!NotRootFactAttribute.IsRoot)
        {
            File.WriteAllText(path, "Charity.");
            File.SetUnixFileMode(path, UnixFileMode.None);
            return true;
        }

        foreach (var candidate in new[] { "/sys/bus/pci/rescan", "/sys/kernel/mm/page_idle/bitmap" })
        {
            try
            {
                using var _ = File.OpenRead(candidate);
            }
            catch (UnauthorizedAccessException)
            {
                File.CreateSymbolicLink(path, candidate);
                return true;
            }
            catch (IOException)
            {
            }
        }

        return false;
    }

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int mkfifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
