using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

public class DocumentSourceTests
{
    internal static (List<Document> Documents, IReadOnlyList<Problem> Skipped, DocumentSource Source) ReadAll(IngestionOptions options, params string[] inputs)
    {
        var source = new DocumentSource(options);
        var skipped = new ProblemLog();
        var files = source.Discover(inputs, skipped);
        var documents = source.Read(files, skipped, CancellationToken.None).ToList();
        return (documents, skipped.Skipped, source);
    }

    [Fact]
    public void Read_MiniCorpus_ReadsEveryFormatInPathOrder()
    {
        var (documents, _, _) = ReadAll(new IngestionOptions(), TestPaths.MiniCorpus);

        Assert.Equal(["law_zh.txt", "notice_gbk.txt", "page.html", "report_en.txt", "rows.csv#a1", "rows.csv#a2"], documents.Select(d => d.Id));
        Assert.Equal(["txt", "txt", "html", "txt", "csv", "csv"], documents.Select(d => d.Format));
        Assert.Equal("gb18030", documents[1].Encoding);
        Assert.Equal("通知\n推进共同富裕，发展慈善事业。\n", documents[1].Text);
    }

    [Fact]
    public void Read_MiniCorpus_SkipsEmptyUnsupportedAndEmptyRowsWithReasons()
    {
        var (_, skipped, _) = ReadAll(new IngestionOptions(), TestPaths.MiniCorpus);

        Assert.Equal(["image.png", "empty.txt", "rows.csv#a3"], skipped.Select(s => s.File));
        Assert.All(skipped, s => Assert.StartsWith(s.File.Split('#')[0], s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_SourcesCsv_AttachesMetadataAndLanguageIsGuessedOtherwise()
    {
        var (documents, _, _) = ReadAll(new IngestionOptions(), TestPaths.MiniCorpus);

        var report = documents.Single(d => d.Id == "report_en.txt");
        Assert.Equal("A report on prosperity", report.Metadata.Title);
        Assert.Equal("2022", report.Metadata.Year);
        Assert.Equal("Institute A", report.Metadata.Publisher);
        Assert.Contains(new KeyValuePair<string, string>("url", "https://example.org/a"), report.Metadata.Extra);
        var notice = documents.Single(d => d.Id == "notice_gbk.txt");
        Assert.Null(notice.Metadata.Title);
        Assert.Equal("zh", notice.Metadata.Language);
        Assert.Equal("en", documents.Single(d => d.Id == "page.html").Metadata.Language);
    }

    [Fact]
    public void Extract_PooledText_GivesTheSameDocumentsAndRecordsAsStrings()
    {
        using var temp = new TempDirectory();
        temp.Write("blank.txt", " \n\t\n");
        var source = new DocumentSource(new IngestionOptions());
        var problems = new ProblemLog();
        var files = source.Discover([TestPaths.MiniCorpus, temp.Path], problems);
        foreach (var file in files)
        {
            var loaded = source.Load(file, problems);
            if (loaded is null)
            {
                continue;
            }

            InputFileRecord? asStrings = null, pooled = null;
            var stringProblems = new ProblemLog();
            var expected = source.Extract(loaded, stringProblems, r => asStrings = r, CancellationToken.None).ToList();
            var pooledProblems = new ProblemLog();
            foreach (var document in source.Extract(loaded, pooledProblems, r => pooled = r, CancellationToken.None, pooledText: true))
            {
                var same = expected[0];
                expected.RemoveAt(0);
                Assert.Equal(same.Text, document.Content.ToString());
                Assert.Equal((same.Id, same.Format, same.Encoding, same.EncodingBy, same.Source), (document.Id, document.Format, document.Encoding, document.EncodingBy, document.Source));
                Assert.Equal(same.Metadata with { Extra = [] }, document.Metadata with { Extra = [] });
                Assert.Equal(same.Metadata.Extra, document.Metadata.Extra);
                document.ReturnText();
                if (document.Format == "txt")
                {
                    Assert.Throws<ObjectDisposedException>(() => document.Content); // its buffer went back to the pool
                }
                else
                {
                    Assert.Equal(same.Text, document.Content.ToString()); // other formats keep their string
                }
            }

            Assert.Empty(expected);
            Assert.Equal(asStrings, pooled);
            Assert.Equal(stringProblems.All.Select(p => p.Text), pooledProblems.All.Select(p => p.Text)); // the blank file skipped alike
        }
    }

    [Fact]
    public void Document_PooledText_MakesItsStringOnlyWhenAsked()
    {
        var file = new SourceFile("/corpus/a.txt", "a.txt", "/corpus");
        var (text, encoding, by) = TextDecoder.DecodePooled("推进共同富裕 common prosperity"u8, file.RelativePath);
        var document = new Document(file.RelativePath, text, DocumentMetadata.Empty, file, "txt", encoding) { EncodingBy = by };

        Assert.Equal("推进共同富裕 common prosperity", document.Content.ToString());
        Assert.Equal("推进共同富裕 common prosperity", document.Text);
        var copy = document with { Text = "replaced" };
        Assert.Equal("replaced", copy.Content.ToString());
        document.ReturnText();
        Assert.Equal("replaced", copy.Content.ToString());
        Assert.Equal("推进共同富裕 common prosperity", document.Text); // made before the buffer went back
    }

    [Fact]
    public void Read_Inputs_RecordsShaAndEncodingForTheManifest()
    {
        var (_, _, source) = ReadAll(new IngestionOptions(), TestPaths.MiniCorpus);

        var rows = source.Inputs.Single(i => i.Path == "rows.csv");
        Assert.Equal(2, rows.Documents);
        Assert.Equal(64, rows.Sha256.Length);
        Assert.Equal("utf-8", rows.Encoding);
    }

    [Fact]
    public void Discover_MissingInput_IsSkippedAndOthersAreRead()
    {
        var (documents, skipped, _) = ReadAll(new IngestionOptions(), "/no/such/folder", Path.Combine(TestPaths.MiniCorpus, "report_en.txt"));

        Assert.Equal("report_en.txt", Assert.Single(documents).Id);
        Assert.Contains("no such file or folder", skipped[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_ExcludedOutputFolderAndDotFolders_AreNotRead()
    {
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        temp.Write("reports/evidence.csv", "text\nold report\n");
        temp.Write(".git/notes.txt", "hidden");

        var (documents, skipped, _) = ReadAll(new IngestionOptions(ExcludeDirectories: [temp.File("reports")]), temp.Path);

        Assert.Equal("a.txt", Assert.Single(documents).Id);
        Assert.Empty(skipped);
    }

    [Fact]
    public void Discover_SymlinkLoop_IsReportedNotFollowed()
    {
        using var temp = new TempDirectory();
        temp.Write("sub/a.txt", "Charity.");
        Directory.CreateSymbolicLink(temp.File("sub/loop"), temp.Path);

        var (documents, skipped, _) = ReadAll(new IngestionOptions(), temp.Path);

        Assert.Equal("sub/a.txt", Assert.Single(documents).Id);
        Assert.Contains(skipped, s => s.Text.Contains("loop", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_NamesWithSpacesQuotesAndChinese_AreKeptAsIds()
    {
        using var temp = new TempDirectory();
        temp.Write("my \"quoted\" file.txt", "Charity.");
        temp.Write("慈善 法.txt", "慈善。");

        var (documents, _, _) = ReadAll(new IngestionOptions(), temp.Path);

        Assert.Equal(["my \"quoted\" file.txt", "慈善 法.txt"], documents.Select(d => d.Id));
    }

    [Fact]
    public void Read_CsvFilesStreamedRowByRow_GiveTheDocumentsProblemsAndInputsOfFilesReadWhole()
    {
        // Every CSV file over the threshold (here: all) is parsed as it streams in; the documents, skips and
        // warnings, and the manifest's entries (size, SHA-256, encoding, documents) are those of the file read whole.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in/sub"));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var rows = "id,text,date,publisher,topic\nr1,\"推进共同富裕，发展慈善事业。\nA second line, with a comma.\",2021-08,NPC,giving\nr2,,2021,,\nr1,again,,,\nr3,\"Charity \"\"grows\"\"\",June,Think tank,x\n";
        File.WriteAllText(temp.File("in/rows.csv"), rows);
        File.WriteAllBytes(temp.File("in/gbk.csv"), System.Text.Encoding.GetEncoding("GB18030").GetBytes("id,text\ng1,推进共同富裕，缩小收入差距。\ng2,发展慈善事业。\n"));
        File.WriteAllBytes(temp.File("in/utf16.csv"), [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("text\r\nfirst; row\r\nsecond\trow\r\n")]);
        File.WriteAllText(temp.File("in/ragged.csv"), "id,text\na,one\nb,two,three\nc,\"unclosed\n");
        File.WriteAllText(temp.File("in/nocolumn.csv"), "id,body\na,one\n");
        File.WriteAllText(temp.File("in/blank.csv"), " \n\n");
        File.WriteAllBytes(temp.File("in/binary.csv"), [0x69, 0x64, 0, 0x2C, 0x74]);
        File.WriteAllText(temp.File("in/sub/rows.csv"), "sep=;\nid;text\ns1;common prosperity, charity\n");
        File.WriteAllText(temp.File("in/sources.csv"), "file,title,publisher\nrows.csv,The rows,Catalogue\n");
        var options = new IngestionOptions() with { StreamedFileBytes = long.MaxValue };

        var (whole, streamed) = ReadWholeAndStreamed(options, options with { StreamedFileBytes = 0 }, temp.File("in"));

        Assert.Equal(8, whole.Source.Inputs.Count);
        Assert.Contains(streamed.Documents, d => d.Id == "gbk.csv#g2" && d.Encoding == "gb18030");
        Assert.Contains(streamed.Skipped, p => p.File == "ragged.csv#b");
    }

    [Fact]
    public void Read_HtmlPagesStreamedInPieces_GiveTheDocumentsProblemsAndInputsOfPagesReadWhole()
    {
        // Issue 14, item 3: every page over the threshold (here: all) is read from its file as it is parsed, in pieces of a
        // few characters, its text written to a temporary file: the documents, skips and manifest entries of pages read whole.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in/sub"));
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var paragraphs = string.Concat(Enumerable.Range(0, 30).Select(i => $"<p>Paragraph {i}: common prosperity &amp; charity,\n the income gap.</p>\n"));
        File.WriteAllText(temp.File("in/page.html"), "<!DOCTYPE html><html><head><title>t</title></head><body><div id=main>" + paragraphs + "<table><tr><td>a<td>b</table></div></body></html>");
        File.WriteAllBytes(temp.File("in/gbk.htm"), System.Text.Encoding.GetEncoding("GB18030").GetBytes("<html><body><p>推进共同富裕，缩小收入差距。<p>发展慈善事业。</body></html>"));
        File.WriteAllBytes(temp.File("in/utf16.html"), [.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes("<p>first\r\nsecond <b>bold</b></p>")]);
        File.WriteAllText(temp.File("in/sub/bom.xhtml"), "\uFEFF<html><body><section>" + paragraphs + "</section></body></html>");
        File.WriteAllText(temp.File("in/empty-body.html"), "<html><head><title>only a title</title></head><body> <script>x()</script> </body></html>");
        File.WriteAllText(temp.File("in/deep.html"), string.Concat(Enumerable.Repeat("<div>", HtmlReader.MaxDepth + 1)) + "deep" + string.Concat(Enumerable.Repeat("</div>", HtmlReader.MaxDepth + 1)));
        File.WriteAllBytes(temp.File("in/binary.html"), [0x3C, 0x70, 0, 0x3E, 0x74]);
        File.WriteAllText(temp.File("in/sources.csv"), "file,title,publisher\npage.html,The page,Catalogue\n");
        var options = new IngestionOptions() with { StreamedFileBytes = long.MaxValue };

        var (whole, streamed) = ReadWholeAndStreamed(options, options with { StreamedFileBytes = 0, HtmlChunkChars = 3 }, temp.File("in"));

        Assert.Equal(7, whole.Source.Inputs.Count);
        Assert.Equal(["gbk.htm", "page.html", "sub/bom.xhtml", "utf16.html"], streamed.Documents.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.Contains(streamed.Skipped, p => p.File == "deep.html");
    }

    [Fact]
    public void Read_PdfsReadFromTheirFiles_GiveTheDocumentsProblemsAndInputsOfPdfsReadWhole()
    {
        // Issue 14, item 3: a PDF over the threshold (here: all) is hashed as it is read, then PdfPig reads it from the open
        // file instead of a copy of its bytes: the same documents, skips and manifest entries.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        File.WriteAllBytes(temp.File("in/report.pdf"), PdfReaderTests.MakePdf([.. Enumerable.Range(0, 12).Select(i => $"Line {i}: common prosperity and the income gap.")]));
        File.WriteAllBytes(temp.File("in/blank.pdf"), PdfReaderTests.MakePdf([]));
        File.WriteAllText(temp.File("in/broken.pdf"), "%PDF-1.4 not really");
        var options = new IngestionOptions() with { StreamedFileBytes = long.MaxValue };

        var (whole, streamed) = ReadWholeAndStreamed(options, options with { StreamedFileBytes = 0 }, temp.File("in"));

        Assert.Equal(["report.pdf"], streamed.Documents.Select(d => d.Id));
        Assert.Equal(3, streamed.Source.Inputs.Count);
    }

    /// <summary>Reads <paramref name="folder"/> with both settings and asserts the same documents, skips and manifest inputs.</summary>
    private static ((List<Document> Documents, IReadOnlyList<Problem> Skipped, DocumentSource Source) Whole, (List<Document> Documents, IReadOnlyList<Problem> Skipped, DocumentSource Source) Streamed) ReadWholeAndStreamed(
        IngestionOptions whole, IngestionOptions streamed, string folder)
    {
        var w = ReadAll(whole, folder);
        var s = ReadAll(streamed, folder);
        Assert.Equal(Describe(w.Documents), Describe(s.Documents));
        Assert.Equal(w.Skipped, s.Skipped);
        Assert.Equal(w.Source.Inputs, s.Source.Inputs);
        return (w, s);
    }

    private static IEnumerable<string> Describe(IEnumerable<Document> documents) =>
        documents.Select(d => $"{d.Id}|{d.Text}|{d.Format}|{d.Encoding}|{d.EncodingBy}|{d.Metadata.Title}|{d.Metadata.Date}|{d.Metadata.Publisher}|{d.Metadata.Language}|"
            + string.Join(';', d.Metadata.Extra.Select(e => $"{e.Key}={e.Value}")));
}
