using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Jobs;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Jobs;

/// <summary>
/// Differential tests of <see cref="WindowedDocumentAnalysis"/>: every plain-text file analysed in windows
/// of a few dozen characters (so that terms, snippets, sentences, Chinese runs and line-end hyphens fall
/// across window ends) gives reports byte for byte equal to those of the same files analysed whole.
/// </summary>
public class WindowedDocumentAnalysisTests
{
    private static readonly string[] Reports =
    [
        ReportFiles.Evidence, ReportFiles.ThemeFrequency, ReportFiles.ThemeFrequencyWide, ReportFiles.CorpusSummary, ReportFiles.TermFrequency,
    ];

    public static TheoryData<int, bool> Windows() => new() { { 1, false }, { 16, false }, { 40, true }, { 300, false }, { 300, true } };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Run_MiniCorpusInWindows_WritesTheReportsOfWholeDocuments(int window, bool dedupe)
    {
        using var temp = new TempDirectory();
        var lexicon = LexiconLoader.Load(TestPaths.MiniLexicon);

        AssertSameReports(lexicon, [TestPaths.MiniCorpus], temp, window, dedupe, context: 40);
    }

    [Theory]
    [InlineData(24, 0)]
    [InlineData(50, 5)]
    [InlineData(64, 200)]
    public void Run_BuiltInLexiconOnTermsAcrossWindowEnds_WritesTheReportsOfWholeDocuments(int window, int context)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));

        // Terms of several words and characters (also wrapped at a line-end hyphen), sentence ends of both
        // languages, abbreviations and footnote marks that are no safe cut, and paragraphs opened by 　　.
        var text = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            text.Append("Common prosperity and the income gap. The U.S. No. 3 plan on income\n  distribution");
            text.Append(i % 3 == 0 ? " 1949.222 Under the third distribution, charity grows! " : ". ");
            text.Append("推进共同富裕，缩小收入差距。　　发展慈善事业？“第三次分配”。military-\n   civil fusion and the party-\nstate. ");
            text.Append(i % 7 == 0 ? "\n\n" : string.Empty);
        }

        File.WriteAllText(temp.File("in/long.txt"), text.ToString());
        File.WriteAllText(temp.File("in/short.md"), "Common prosperity. 共同富裕。");

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, window, dedupe: false, context);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_DocumentRepeatingItselfInWindows_FingerprintAndDedupeAsWhole(bool dedupe)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        var block = string.Concat(Enumerable.Range(0, 12).Select(i => $"Sentence {i} of the block says that the income gap narrows through charity and common prosperity. "));
        File.WriteAllText(temp.File("in/pasted.txt"), "Opening line of the report.\n" + block + "\nA middle part about inequality. " + block + block);
        File.WriteAllText(temp.File("in/copy.txt"), block);

        var (whole, _) = AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, 45, dedupe, context: 40);

        Assert.Contains(whole.Problems, p => p.Text.Contains("repeat earlier sentences", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8-bom")]
    [InlineData("gb18030")]
    public void Run_OtherEncodingsInWindows_DecodedAsWhole(string encoding)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = string.Concat(Enumerable.Repeat("推进共同富裕，缩小收入差距。发展慈善事业！Common prosperity. ", 30));
        var bytes = encoding switch
        {
            "utf-16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.GetEncoding("GB18030").GetBytes(text),
        };
        File.WriteAllBytes(temp.File("in/doc.txt"), bytes);
        File.WriteAllBytes(temp.File("in/binary.txt"), [0x41, 0, 0x42, 0x43, 0, 0, 0x44]);
        File.WriteAllBytes(temp.File("in/blank.txt"), Encoding.UTF8.GetBytes(" \n\u3000\n"));

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, 30, dedupe: false, context: 40);
    }

    [Fact]
    public void Run_ShardOfLargeDocumentsInWindows_WritesThePartialResultsOfWholeDocuments()
    {
        // A shard's partial evidence file is a sink of its own: the windows' rows go straight into it at the document's turn.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        File.WriteAllText(temp.File("in/a.txt"), string.Concat(Enumerable.Repeat("Common prosperity grows. 推进共同富裕。Charity and the income gap! ", 40)));
        File.WriteAllText(temp.File("in/b.txt"), "The third distribution. 第三次分配。");
        File.WriteAllText(temp.File("in/c.txt"), string.Concat(Enumerable.Repeat("缩小收入差距。Common prosperity. ", 30)));
        var pipeline = new AnalysisPipeline(DefaultLexicon.Instance);
        var options = new AnalysisOptions([temp.File("in")], temp.File("whole"), new IngestionOptions(), Charts: false, Html: false, Shard: new ShardSpec(0, 1))
        {
            StreamedFileBytes = long.MaxValue,
        };

        pipeline.Run(options);
        pipeline.Run(options with { OutputDirectory = temp.File("windowed"), StreamedFileBytes = 0, WindowCharacters = 40 });

        foreach (var report in new[] { ReportFiles.PartialEvidence, ReportFiles.PartialDocuments })
        {
            Assert.Equal(File.ReadAllText(temp.File("whole/" + report)), File.ReadAllText(temp.File("windowed/" + report)));
        }
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(33, true)]
    [InlineData(200, true)]
    public void Run_HtmlPdfAndCsvRowsInWindows_WriteTheReportsOfWholeDocuments(int window, bool dedupe)
    {
        // Documents another reader made (a page, a PDF, CSV rows, one a copy of another and one repeating
        // itself) are analysed in windows over their text when they are large.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        var sentence = "Common prosperity narrows the income gap, and charity grows. 推进共同富裕，发展慈善事业。 ";
        var block = string.Concat(Enumerable.Range(0, 6).Select(i => $"Block sentence {i} on the third distribution and the income gap across regions. "));
        File.WriteAllText(temp.File("in/page.html"), "<html><body>" + string.Concat(Enumerable.Range(0, 20).Select(i => $"<p>{i} {sentence}</p><div>asia society, {block}</div>")) + "</body></html>");
        File.WriteAllText(temp.File("in/rows.csv"), "id,text\nr1,\"" + string.Concat(Enumerable.Repeat(sentence, 8)) + "\"\nr2,\"" + block + "middle " + block + block + "\"\nr3,\""
            + string.Concat(Enumerable.Repeat(sentence, 8)) + "\"\n");
        File.WriteAllBytes(temp.File("in/report.pdf"), Ingestion.PdfReaderTests.MakePdf([.. Enumerable.Range(0, 30).Select(i => $"Line {i}: common prosperity and the income gap. Charity grows")]));

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, window, dedupe, context: 25);
    }

    [Fact]
    public void Run_CsvFilesStreamedRowByRow_WriteTheReportsOfFilesReadWhole()
    {
        // CSV files parsed as they stream in (rows across read buffers, other encodings, a bad row part way,
        // a file that cannot be decoded, metadata columns) give the reports and manifest of files read whole.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var rows = string.Concat(Enumerable.Range(0, 300).Select(i => $"r{i},\"Row {i}: common prosperity, the income gap\n and charity. 推进共同富裕。\",{2000 + (i % 25)},Publisher {i % 3}\n"));
        File.WriteAllText(temp.File("in/rows.csv"), "id,text,date,publisher\n" + rows);
        File.WriteAllBytes(temp.File("in/gbk.csv"), Encoding.GetEncoding("GB18030").GetBytes("id,text\ng1,推进共同富裕，缩小收入差距。\ng2,发展慈善事业。\n"));
        File.WriteAllText(temp.File("in/broken.csv"), "id,text\na,common prosperity\nb,charity,extra\nc,\"unclosed\n");
        File.WriteAllBytes(temp.File("in/binary.csv"), [0x69, 0x64, 0, 0x2C, 0x74]);

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, 50, dedupe: false, context: 30);
    }

    [Fact]
    public void Analyze_LongTextWithSentenceEnds_IsCutIntoManyWindows()
    {
        using var temp = new TempDirectory();
        var path = temp.File("long.txt");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat("Common prosperity grows. 共同富裕。", 100)));
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        var windows = new WindowedDocumentAnalysis(new DocumentAnalyzer(matcher, WordCounter.Jieba), new DocumentReportBuilder(matcher, 40), temp.File, 50);

        var result = windows.Analyze(0, new SourceFile(path, "long.txt", temp.Path), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None);

        var report = Assert.Single(result.Reports);
        Assert.Equal(200, report.Summary.Sentences);
        Assert.InRange(windows.WindowsAnalysed, 40, 300);
        Assert.Equal("utf-8", result.Input!.Encoding);
        report.DiscardEvidence();
    }

    [Fact]
    public void Analyze_StretchWithoutACutLongerThanAWindowMayGrow_IsSkippedNamingIt()
    {
        // One word of 1,000 letters: no place to cut; windows of 50 that may grow to 256 (the real limit is 2^30, past which doubling overflowed).
        using var temp = new TempDirectory();
        var path = temp.File("run.txt");
        File.WriteAllText(path, "Common prosperity. " + new string('a', 1000) + ". Charity.");
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        var windows = new WindowedDocumentAnalysis(new DocumentAnalyzer(matcher, WordCounter.Jieba), new DocumentReportBuilder(matcher, 40), temp.File, 50) { MaxWindowCharacters = 256 };

        var result = windows.Analyze(0, new SourceFile(path, "run.txt", temp.Path), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None);

        Assert.Empty(result.Reports);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("run.txt: the text from character 0 on runs for more than 200 characters with no place where it can be cut into windows", problem.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ChineseRunLongerThanTheLongestCounted_IsSkippedNamingItInsteadOfAnInternalError()
    {
        // Review of the seventh session: a run past Array.MaxLength characters threw InvalidOperationException (exit 70);
        // the limit lowered to 200 characters, a run of 600 without punctuation in windows of 50.
        using var temp = new TempDirectory();
        var path = temp.File("run.txt");
        File.WriteAllText(path, "共同富裕。" + string.Concat(Enumerable.Repeat("慈善事业发展", 100)) + "。");
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        var windows = new WindowedDocumentAnalysis(new DocumentAnalyzer(matcher, WordCounter.Jieba), new DocumentReportBuilder(matcher, 40), temp.File, 50) { MaxRunCharacters = 200 };

        var result = windows.Analyze(0, new SourceFile(path, "run.txt", temp.Path), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None);

        Assert.Empty(result.Reports);
        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("run.txt: a run of Chinese characters without punctuation, a space or a line break is longer than 200 characters", problem.Text, StringComparison.Ordinal);
        Assert.Contains("split the file", problem.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("common prosperity and charity, ", false)] // cut after the commas (the built-in lexicon has exclusions)
    [InlineData("common prosperity and charity ", true)] // a lexicon without exclusions: cut between words
    [InlineData("common prosperity and charity ", false)] // with exclusions: cut between words no exclusion phrase crosses
    public void Analyze_TextWithoutSentenceEnds_IsCutInsideItsOneSentence(string words, bool withoutExclusions)
    {
        using var temp = new TempDirectory();
        var path = temp.File("run.txt");
        File.WriteAllText(path, string.Concat(Enumerable.Repeat(words, 200)));
        var lexicon = withoutExclusions ? LexiconLoader.FromCsvText("theme,term\nphilanthropy,charit*\nequality,common prosperity\n", "two.csv") : DefaultLexicon.Instance;
        var matcher = new LexiconMatcher(lexicon);
        var windows = new WindowedDocumentAnalysis(new DocumentAnalyzer(matcher, WordCounter.Jieba), new DocumentReportBuilder(matcher, 40), temp.File, 50);

        var result = windows.Analyze(0, new SourceFile(path, "run.txt", temp.Path), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None);

        var report = Assert.Single(result.Reports);
        Assert.InRange(windows.WindowsAnalysed, 20, 400); // not held whole
        Assert.Equal(800, report.Summary.Tokens);
        Assert.Equal(1, report.Summary.Sentences);
        report.DiscardEvidence();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(7, true)]
    [InlineData(23, false)]
    [InlineData(60, true)]
    public void Run_ExclusionPhrasesAcrossWindowEnds_WriteTheReportsOfWholeDocuments(int window, bool dedupe)
    {
        // No punctuation: windows are cut between words, never where an exclusion phrase (also one of several
        // words, one ending in a prefix, one wrapped at a line-end hyphen) reaches across, which would veto a
        // match on one side in the whole text and not in the window.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        var words = "asia society and asia trade the asian studies centre party committee of the zoo met the party committee decided wealth gap index "
            + "asia societies the Asia-\nSociety of en-\njoyed life and the wealth gap grows ";
        File.WriteAllText(temp.File("in/words.txt"), string.Concat(Enumerable.Repeat(words, 12)));
        File.WriteAllText(temp.File("in/again.txt"), string.Concat(Enumerable.Repeat(words, 12))); // left out with --dedupe
        var lexicon = LexiconLoader.FromCsvText(
            "theme,term,exclude\nregion,asia*,asia society|asian studies centre\nparty,party committee,party committee of the zoo\nparty,party,\n"
            + "party,committee,\ngap,wealth gap,wealth gap index|wealth gap grow*\ngap,gap index,\nmood,joyed,joyed life\nmood,enjoyed,\n",
            "exclusions.csv");

        AssertSameReports(lexicon, [temp.File("in")], temp, window, dedupe, context: window % 30);
    }

    [Fact]
    public void Analyze_OneRunOfChineseCharacters_IsCutInsideTheRun()
    {
        // No sentence end, no space, no comma: cut between two characters of the run, its words counted whole where it ends.
        using var temp = new TempDirectory();
        var path = temp.File("run.txt");
        const string Part = "推进共同富裕发展慈善事业";
        File.WriteAllText(path, string.Concat(Enumerable.Repeat(Part, 50)));
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        var windows = new WindowedDocumentAnalysis(new DocumentAnalyzer(matcher, WordCounter.Jieba), new DocumentReportBuilder(matcher, 40), temp.File, 50);

        var result = windows.Analyze(0, new SourceFile(path, "run.txt", temp.Path), DocumentMetadata.Empty, new ProblemLog(), CancellationToken.None);

        var report = Assert.Single(result.Reports);
        Assert.InRange(windows.WindowsAnalysed, 10, 100); // not held whole
        Assert.Equal(600, report.Summary.Tokens);
        Assert.Equal(ChineseWordCounter.Instance.Count(string.Concat(Enumerable.Repeat(Part, 50))), report.Summary.Words);
        Assert.Equal(1, report.Summary.Sentences);
        report.DiscardEvidence();
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(9, true)]
    [InlineData(40, false)]
    [InlineData(300, true)]
    public void Run_LongRunsOfChineseCharactersInWindows_WriteTheReportsOfWholeDocuments(int window, bool dedupe)
    {
        // Runs without punctuation cut between their characters: terms all along the run (the built-in lexicon's and
        // overlapping ones of another theme), characters jieba has no word for (stretches through the HMM), a
        // character outside the BMP (a surrogate pair), compatibility ideographs, English words between runs, and
        // Chinese exclusion phrases that reach across the cut.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        File.WriteAllText(temp.File("in/terms.txt"), string.Concat(Enumerable.Repeat("推进共同富裕发展慈善事业缩小收入差距", 40)));
        var random = new Random(window);
        const string Characters = "共同富裕慈善事业收入差距分配的一是在不了有和人这中大为龘靐齉爩鱻麤𠀀豈更";
        var mixed = new StringBuilder();
        for (var i = 0; i < 1500; i++)
        {
            var next = random.Next(Characters.Length);
            mixed.Append(char.IsSurrogate(Characters[next]) ? "𠀀" : Characters[next].ToString());
            mixed.Append(random.Next(150) == 0 ? " charity " : string.Empty);
        }

        File.WriteAllText(temp.File("in/mixed.txt"), mixed.ToString());
        File.WriteAllText(temp.File("in/rare.txt"), string.Concat(Enumerable.Repeat("龘靐齉爩鱻麤厵灪籱虋鸙龗齾", 30)) + "共同富裕");
        var lexicon = LexiconLoader.FromCsvText(
            "theme,term,exclude\nequality,共同富裕,共同富裕发展\nequality,收入差距,\nphilanthropy,慈善,慈善事业缩小\nphilanthropy,charity,\nother,同富,\nother,富裕发,\n", "zh.csv");

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, window, dedupe, context: window % 30);
        using var other = new TempDirectory();
        AssertSameReports(lexicon, [temp.File("in")], other, window, dedupe, context: 25);
    }

    [Theory]
    [InlineData(97)]
    [InlineData(2_000)]
    public void Run_SharedChineseTextsAsOneRunEachInWindows_WriteTheReportsOfWholeDocuments(int window)
    {
        // Real text: the shared corpus's Chinese texts with everything but their Chinese characters taken out (read at test time).
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestPaths.Shared, "corpus"), "*_zh.txt").Order(StringComparer.Ordinal).Take(4))
        {
            File.WriteAllText(temp.File("in/" + Path.GetFileName(path)), new string([.. File.ReadAllText(path).Where(c => c is >= '\u4E00' and <= '\u9FFF')]));
        }

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, window, dedupe: false, context: 40);
    }

    [Theory]
    [InlineData(20, false)]
    [InlineData(45, true)]
    [InlineData(120, true)]
    public void Run_TextsWithoutSentenceEndsInWindows_WriteTheReportsOfWholeDocuments(int window, bool dedupe)
    {
        // Windows cut inside sentences: multi-word terms, clauses, line breaks, Chinese runs, and paragraphs
        // (no sentence ends) repeated as blocks, so that the fingerprint's sentences span windows.
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        var paragraph = "common prosperity and the income gap, the third distribution; charity grows: 推进共同富裕，缩小收入差距、发展慈善事业 military-\n civil fusion and common\nprosperity ";
        File.WriteAllText(temp.File("in/clauses.txt"), string.Concat(Enumerable.Repeat(paragraph, 30)));
        var block = string.Concat(Enumerable.Range(0, 8).Select(i => $"Paragraph {i} of the block says that the income gap narrows through charity and common prosperity\n\n"));
        File.WriteAllText(temp.File("in/pasted.txt"), "Opening words\n\n" + block + "a middle part about inequality\n\n" + block + block);
        File.WriteAllText(temp.File("in/words.txt"), string.Concat(Enumerable.Repeat("charity ", 300)));

        AssertSameReports(DefaultLexicon.Instance, [temp.File("in")], temp, window, dedupe, context: 30);
        using var other = new TempDirectory();
        AssertSameReports(LexiconLoader.FromCsvText("theme,term\nphilanthropy,charit*\nequality,common prosperity\nequality,income gap\nequality,收入差距\n", "few.csv"),
            [temp.File("in")], other, window, dedupe, context: 30);
    }

    /// <summary>Random documents of random words and separators, with sentence ends between their parts so that there are cuts.</summary>
    private static Arbitrary<(string[] Documents, string Lexicon, int Window)> Corpora() =>
        Gen.Zip(
            Gen.Zip(
                Gen.Zip(TextGenerators.Text(), Gen.Elements(". ", "。", "! The ", "？", ".\n\n", ". 2024 ", "…", "."))
                    .Select(p => p.Item1 + p.Item2).ArrayOf().Select(parts => "charity " + string.Concat(parts)).ArrayOf().Select(d => d.Take(4).ToArray()),
                TextGenerators.Lexicon().Select(csv => csv + "alpha,charity\n")),
            Gen.Choose(1, 60))
        .Select(z => (z.Item1.Item1, z.Item1.Item2, z.Item2))
        .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Run_RandomTextsInWindows_WriteTheReportsOfWholeDocuments() =>
        Prop.ForAll(Corpora(), corpus => AssertSameReports(corpus.Documents, corpus.Lexicon, corpus.Window));

    /// <summary>Random documents of random words and separators with few or no sentence ends, and lexicons with exclusions: windows cut inside sentences.</summary>
    private static Arbitrary<(string[] Documents, string Lexicon, int Window)> CorporaWithoutSentenceEnds() =>
        (from lexicon in TextGenerators.LexiconWithExclusions()
         from documents in TextGenerators.TextWith(lexicon.Phrases).ListOf().Select(parts => string.Concat(parts)).ArrayOf().Select(d => d.Take(3).ToArray())
         from window in Gen.Choose(1, 60)
         select (documents, lexicon.Csv, window))
        .ToArbitrary();

    [Property(MaxTest = 150)]
    public Property Run_RandomTextsWithoutSentenceEndsInWindows_WriteTheReportsOfWholeDocuments() =>
        Prop.ForAll(CorporaWithoutSentenceEnds(), corpus => AssertSameReports([.. corpus.Documents.Select(d => "charity " + d)], corpus.Lexicon, corpus.Window));

    /// <summary>Writes a random corpus's documents (at least one) and checks that they give the same reports whole and in windows.</summary>
    private static void AssertSameReports(string[] documents, string lexicon, int window)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        for (var i = 0; i < documents.Length; i++)
        {
            File.WriteAllBytes(temp.File($"in/doc{i}.txt"), Encoding.UTF8.GetBytes(documents[i])); // a lone surrogate becomes U+FFFD, as in any UTF-8 file
        }

        if (documents.Length == 0)
        {
            File.WriteAllText(temp.File("in/doc.txt"), "charity");
        }

        AssertSameReports(LexiconLoader.FromCsvText(lexicon, "random.csv"), [temp.File("in")], temp, window, dedupe: window % 2 == 0, context: window % 50);
    }

    /// <summary>Runs whole and in windows, and checks that the reports and the manifest's inputs, skips and totals are the same.</summary>
    private static (AnalysisResult Whole, AnalysisResult Windowed) AssertSameReports(Lexicon lexicon, string[] inputs, TempDirectory temp, int window, bool dedupe, int context)
    {
        var pipeline = new AnalysisPipeline(lexicon);
        var options = new AnalysisOptions(inputs, temp.File("whole"), new IngestionOptions(), ContextCharacters: context, Charts: false, Html: false, Dedupe: dedupe)
        {
            StreamedFileBytes = long.MaxValue,
        };
        var whole = pipeline.Run(options);
        var windowed = pipeline.Run(options with { OutputDirectory = temp.File("windowed"), StreamedFileBytes = 0, WindowCharacters = window });

        foreach (var report in Reports)
        {
            Assert.Equal(File.ReadAllText(temp.File("whole/" + report)), File.ReadAllText(temp.File("windowed/" + report)));
            Assert.Equal(File.ReadAllBytes(temp.File("whole/" + report)), File.ReadAllBytes(temp.File("windowed/" + report)));
        }

        Assert.Equal(Manifest(temp.File("whole")), Manifest(temp.File("windowed")));
        foreach (var folder in new[] { "whole", "windowed" })
        {
            // Rows written straight in and taken back out (a document read again or left out) leave the recorded hash right.
            var hashes = JsonNode.Parse(File.ReadAllText(temp.File($"{folder}/{ReportFiles.Manifest}")))!["report_sha256"]!;
            var evidence = File.ReadAllBytes(temp.File($"{folder}/{ReportFiles.Evidence}"));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(evidence)), hashes[ReportFiles.Evidence]!.GetValue<string>());
        }

        Assert.Equal(whole.Problems.Select(p => p.Text), windowed.Problems.Select(p => p.Text));
        return (whole, windowed);
    }

    /// <summary>The manifest without what differs between any two runs (times, the output folder).</summary>
    private static string Manifest(string folder)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ReportFiles.Manifest)))!.AsObject();
        foreach (var name in new[] { "started_utc", "finished_utc", "timings_ms", "options", "reports", "report_sha256" })
        {
            root.Remove(name);
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
