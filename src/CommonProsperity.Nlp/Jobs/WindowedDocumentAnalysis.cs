using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// Analyses a large plain-text file as one document without holding it: its characters stream in
/// (<see cref="StreamedTextFile"/>) and are analysed a window at a time, so that memory stays bounded by
/// the window, whatever the size of the file, and the reports are byte for byte those of the document
/// analysed whole.
/// <para>A window ends only at a <em>safe cut</em>: the start of a sentence that follows a sentence end
/// (<c>。！？.!?</c>) with no token character between, so that no token, no match (a match may cross
/// only spaces, line breaks and hyphens, counting rule 4), no run of Chinese characters (word counts) and
/// no sentence crosses it, and the tokenizer, the matcher and the segmenter start afresh there exactly
/// as they stood in the whole text. Each window is analysed like a document of its own and its counts are
/// added; offsets and sentence numbers are shifted to the whole document's, hits are added to the
/// tallies in text order (weighted sums add up in the same order), and the evidence snippets are cut from
/// a buffer that keeps the context width and more on both sides of the window, so that they are the same
/// as the whole text gives. The cut is looked for in the window's own segmentation, never in its last
/// sentence (which the window's end may have cut short). A window with no safe cut (a text without
/// sentence ends) is cut inside its sentence where no token, match or exclusion phrase can cross
/// (<see cref="CutInsideSentence"/>), and the sentence goes on in the next window under the same number;
/// in a run of Chinese characters without punctuation, between two of its characters, the run's characters
/// carried to the window where it ends and its words counted there, whole (<see cref="ChineseRunCarry"/>).
/// Only a stretch with no such place either (words without punctuation every gap of which a match or an
/// exclusion phrase crosses) grows until one comes or the text ends, and is held whole, up to
/// <see cref="TextWindow.MaxCharacters"/> (past it the document is skipped, named).</para>
/// <para>The near-duplicate fingerprint is made window by window (<see cref="TextFingerprint.Builder"/>);
/// with <c>--dedupe</c>, a document that repeats long blocks of itself is read a second time with the
/// repeated sentences blanked out, as the whole-document analysis does in memory. Evidence rows are not
/// kept in memory: once the document's turn comes (every earlier document written) they go straight into
/// the evidence file, and until then they wait in a temporary file (<see cref="EvidenceSpill"/>).</para>
/// </summary>
/// <param name="analyzer">Analyses each window.</param>
/// <param name="builder">Formats the evidence rows.</param>
/// <param name="scratchPath">A path for a temporary file of the given name.</param>
/// <param name="windowCharacters">The characters a window holds before its cut is looked for (tests use a few dozen).</param>
internal sealed class WindowedDocumentAnalysis(DocumentAnalyzer analyzer, DocumentReportBuilder builder, Func<string, string> scratchPath, int windowCharacters)
{
    /// <summary>The default window: 1 Mi characters (2 MiB of text, some 30 MB of tokens, hits and evidence while it is analysed).</summary>
    public const int DefaultWindowCharacters = 1 << 20;

    /// <summary>The hits whose evidence rows are formatted before they are written (a few MB of rows at most).</summary>
    private const int HitsPerBatch = 4096;

    private int _windows;

    /// <summary>The most characters a window grows to while no place to cut it comes (<see cref="TextWindow.MaxCharacters"/>; tests lower it).</summary>
    public int MaxWindowCharacters { get; init; } = TextWindow.MaxCharacters;

    /// <summary>The longest run of Chinese characters counted as one run, carried across windows (<see cref="ChineseRunCarry"/>; past it the document is skipped, named): <see cref="Array.MaxLength"/>; tests lower it.</summary>
    public int MaxRunCharacters { get; init; } = Array.MaxLength;

    /// <summary>The encoding the user gave for the text inputs instead of detecting it (<see cref="IngestionOptions.Encoding"/>), if any.</summary>
    public GivenEncoding? GivenEncoding { get; init; }

    /// <summary>The windows analysed so far, over all documents and readings (for tests: that documents were cut).</summary>
    public int WindowsAnalysed => Volatile.Read(ref _windows);

    /// <summary>Characters whose language is guessed, as <see cref="LanguageGuesser.Guess"/> reads them.</summary>
    private const int LanguageSample = LanguageGuesser.SampleCharacters;

    /// <summary>
    /// Analyses <paramref name="file"/> as one document with <paramref name="metadata"/>, reporting to
    /// <paramref name="problems"/> as reading the file whole would (a file that cannot be decoded, a
    /// document without text).
    /// </summary>
    public FileResult Analyze(int index, SourceFile file, DocumentMetadata metadata, ProblemLog problems, CancellationToken cancellationToken) =>
        Analyze(index, file, metadata, problems, null, cancellationToken);

    /// <summary>
    /// As <see cref="Analyze(int, SourceFile, DocumentMetadata, ProblemLog, CancellationToken)"/>; when
    /// <paramref name="turn"/> is given, the evidence rows go straight into the sink's evidence file from
    /// the document's turn on, instead of waiting in a temporary file.
    /// </summary>
    public FileResult Analyze(int index, SourceFile file, DocumentMetadata metadata, ProblemLog problems, EvidenceTurn? turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        var id = file.RelativePath;
        var sha256 = string.Empty;
        long length = 0;
        StreamedTextFile text;
        try
        {
            text = StreamedTextFile.Inspect(file, out sha256, out length, cancellationToken, GivenEncoding);
        }
        catch (InputException e)
        {
            problems.Report(Problem.Skipped(id, e.Message));
            return new FileResult(index, problems.All, [], new InputFileRecord(id, length, sha256, file.Extension, string.Empty, 0), 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CannotRead(index, id, problems, e);
        }

        Pass? pass = null;
        try
        {
            pass = Run(text.Open, id, null, turn, cancellationToken);
            if (!pass.HasText)
            {
                problems.Report(Problem.Skipped(id, $"{id}: the document has no text.", "Remove it or check that it is the right file."));
                return new FileResult(index, problems.All, [], Record(text, 0), 0);
            }

            if (metadata.Language is null)
            {
                metadata = metadata with { Language = LanguageGuesser.Guess(pass.Sample) };
            }

            var report = Report(ref pass, text.Open, id, metadata, turn, cancellationToken);
            return new FileResult(index, problems.All, [report], Record(text, 1), 0);
        }
        catch (InputException e)
        {
            problems.Report(Problem.Skipped(id, e.Message));
            return new FileResult(index, problems.All, [], Record(text, 1), 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return CannotRead(index, id, problems, e);
        }
        finally
        {
            pass?.Evidence.Dispose();
        }
    }

    /// <summary>
    /// Analyses <paramref name="document"/>, whose text another reader has already made (a large HTML page,
    /// PDF or CSV row, in memory or in a temporary file), in windows over that text, so that the analysis does not grow with it: the report
    /// is the one the whole-document analysis gives, its evidence rows in a temporary file or, from the
    /// document's <paramref name="turn"/> on, straight in the sink's evidence file.
    /// </summary>
    public DocumentReport Analyze(Document document, EvidenceTurn? turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        Func<TextReader> open = document.IsStreamed ? document.OpenText : () => new StringReader(document.Text);
        Pass? pass = null;
        try
        {
            pass = Run(open, document.Id, null, turn, cancellationToken);
            return Report(ref pass, open, document.Id, document.Metadata, turn, cancellationToken);
        }
        finally
        {
            pass?.Evidence.Dispose();
        }
    }

    /// <summary>
    /// The report of a document read once (<paramref name="pass"/>); when its repeats are left out, they
    /// are blanked out in a second reading, whose rows replace the first's. The report owns the evidence:
    /// <paramref name="pass"/> is null on return, and holds what is to be given up if this throws.
    /// </summary>
    private DocumentReport Report(ref Pass? pass, Func<TextReader> open, string id, DocumentMetadata metadata, EvidenceTurn? turn, CancellationToken cancellationToken)
    {
        var fingerprint = pass!.Fingerprint;
        var repeatsLeftOut = analyzer.LeavesOutRepeats && fingerprint.RepeatsBlocks;
        if (repeatsLeftOut)
        {
            pass.Evidence.Dispose();
            pass = Run(open, id, fingerprint.Repeats, turn, cancellationToken);
        }

        var report = new DocumentReport(new DocumentSummary(id, metadata, pass.Numbers, pass.Themes), pass.Characters, pass.Terms, pass.Evidence)
        {
            Fingerprint = fingerprint,
            RepeatsLeftOut = repeatsLeftOut,
        };
        pass = null;
        return report;
    }

    private static InputFileRecord Record(StreamedTextFile text, int documents) =>
        new(text.File.RelativePath, text.Bytes, text.Sha256, text.File.Extension, text.EncodingName, documents, text.By);

    private static FileResult CannotRead(int index, string id, ProblemLog problems, Exception e)
    {
        problems.Report(Problem.CannotRead(id, e));
        return new FileResult(index, problems.All, [], null, 0);
    }

    /// <summary>One reading of the text, window by window; <paramref name="blanks"/> (sorted, non-overlapping) are blanked out as <see cref="TextFingerprint.WithoutRepeats"/> does.</summary>
    private Pass Run(Func<TextReader> open, string id, IReadOnlyList<TextSegment>? blanks, EvidenceTurn? turn, CancellationToken cancellationToken)
    {
        var margin = builder.ContextCharacters + 2;
        var idField = CsvRowBuffer.Encode(id);
        var tallies = analyzer.NewTallies();
        var termCount = analyzer.Matcher.Lexicon.Terms.Count;
        var termHits = new int[termCount];
        var termVetoes = new int[termCount];
        var fingerprint = new TextFingerprint.Builder();
        var evidence = new EvidenceSpill(scratchPath($"evidence-{Guid.NewGuid():N}.tmp"));
        turn?.Spilling(evidence);
        var look = new Look(blanks, blanks is null);
        var scratch = new WindowScratch();
        var carry = new ChineseRunCarry(id, maxCharacters: MaxRunCharacters); // the run of Chinese characters a window ended inside, until it ends
        var rows = new CsvRowBuffer(1 << 20);
        try
        {
            using var reader = open();
            var stream = new TextWindow(reader, id, windowCharacters + (2 * margin) + 64, MaxWindowCharacters);
            long core = 0; // the document offset where the next window starts
            var numbers = new long[DocumentNumbers.All.Count];
            int sentences = 0, lines = 0;
            var continues = false; // the window starts inside a sentence the window before ended in
            var window = windowCharacters;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();

                // Keep the context width and more before the window, for the snippets of its first hits.
                stream.Drop((int)Math.Max(0, core - margin - stream.Start));
                var at = (int)(core - stream.Start);
                var want = at + window + margin;
                stream.Fill(want, look.Take);
                var (buffer, filled, bufferStart, end) = (stream.Buffer, stream.Filled, stream.Start, stream.End);

                // The window's text is segmented once: to find the cut, and that segmentation, up to the cut,
                // is the window's (what comes after the cut is segmented again with the next window).
                var cut = end && filled < want ? filled : FindCut(buffer, at, filled - margin, scratch);
                var inside = false; // the window ends inside a sentence
                var insideRun = false; // and inside a run of Chinese characters
                if (cut < 0 && !end)
                {
                    cut = CutInsideSentence(buffer, at, filled - margin, scratch, out inside, out insideRun, cancellationToken);
                    if (cut < 0)
                    {
                        window = stream.Grown(window, core); // no cut at all yet: read on
                        continue;
                    }

                    TextSegmenter.Instance.Segment(buffer.AsSpan(at, cut - at), scratch.Paragraphs, scratch.Sentences);
                }
                else if (cut < 0 || cut == filled)
                {
                    cut = filled;
                    TextSegmenter.Instance.Segment(buffer.AsSpan(at, cut - at), scratch.Paragraphs, scratch.Sentences);
                }

                window = windowCharacters;
                Interlocked.Increment(ref _windows);
                var text = buffer.AsSpan(at, cut - at);
                var piece = analyzer.AnalyzePiece(buffer.AsMemory(at, cut - at), scratch.Segments, scratch.Hits, scratch.Vetoes, carry, insideRun, cancellationToken)
                    with { ContinuesSentence = continues };
                tallies.Add(piece.Hits, piece.Segments, sentences);
                foreach (var hit in piece.Hits)
                {
                    termHits[hit.Term]++;
                }

                foreach (var veto in piece.Vetoes)
                {
                    termVetoes[veto.Term]++;
                }

                // The rows go out a batch of hits at a time, so that their buffer stays small whatever the window holds.
                var sentence = -1;
                for (var first = 0; first < piece.Hits.Count; first += HitsPerBatch)
                {
                    rows.Clear();
                    builder.WriteEvidence(rows, idField, piece.Hits, first, Math.Min(HitsPerBatch, piece.Hits.Count - first), ref sentence, piece.Segments,
                        buffer.AsSpan(0, filled), at, (int)core, sentences);
                    evidence.Add(rows);
                }

                fingerprint.Add(text, piece.Tokens, piece.Segments, (int)core, sentences, lines, continues, inside);
                DocumentNumberValues.Add(numbers, piece);

                // A sentence the window ends inside goes on in the next, whose first sentence it is (same number).
                sentences += piece.Segments.Sentences.Count - (inside ? 1 : 0);
                continues = inside;
                lines += text.Count('\n');
                core = bufferStart + cut;
                if (end && cut == filled)
                {
                    break;
                }
            }

            return new Pass(new DocumentNumberValues(numbers), core, tallies.Result(), DocumentReportBuilder.CountTerms(termHits, termVetoes), evidence,
                fingerprint.Finish(), look.HasText, look.Sample);
        }
        catch
        {
            evidence.Dispose();
            throw;
        }
        finally
        {
            rows.Release();
            carry.Dispose();
        }
    }

    /// <summary>
    /// The last safe cut (see the class summary) in <paramref name="buffer"/> between <paramref name="from"/>
    /// and <paramref name="limit"/>, or -1: the start of a sentence other than the first and the last of
    /// that stretch, with a sentence-end mark and no token character between it and the token before.
    /// The stretch is segmented into <paramref name="scratch"/>, which is left holding the segmentation
    /// of the text before the cut (its sentences before the cut, its last paragraph ending with them).
    /// </summary>
    private int FindCut(char[] buffer, int from, int limit, WindowScratch scratch)
    {
        if (limit - from < 2)
        {
            return -1;
        }

        var sentences = scratch.Sentences;
        TextSegmenter.Instance.Segment(buffer.AsSpan(from, limit - from), scratch.Paragraphs, sentences);
        for (var k = sentences.Count - 2; k >= 1; k--)
        {
            var cut = from + sentences[k].Start;
            if (NothingCrosses(buffer, from, cut))
            {
                scratch.EndBefore(k);
                return cut;
            }
        }

        return -1;
    }

    /// <summary>
    /// Where a stretch with no safe cut (text without sentence ends) is cut all the same, inside a sentence,
    /// or -1: between two tokens with a mark between clauses (<c>, ; : ，、；：</c>) and otherwise only
    /// spaces or tabs between them, which no token, match, exclusion phrase (counting rule 4: they cross
    /// only spaces, line breaks and hyphens) or run of Chinese characters crosses, and after which the
    /// segmenter reads the text as it reads it in the whole. Two tokens with only spaces or tabs between
    /// them will also do, where no match, no vetoed match and no exclusion phrase crosses
    /// (<see cref="LexiconMatcher.ExclusionCrosses"/>: a phrase reaching across the cut could veto a match
    /// next to it in the whole text and not in the window) and enough tokens follow in the stretch that
    /// every match and phrase before the cut was seen whole. The stretch is tokenized and matched to find the cut (a second reading of
    /// such windows). <paramref name="inside"/> tells whether the cut falls inside a sentence of the
    /// stretch's segmentation (in <paramref name="scratch"/>) or at a sentence's start.
    /// <para>Only when there is no such place either, the cut is made inside a run of Chinese characters
    /// (<paramref name="insideRun"/>), between two of its characters where no match, vetoed match or exclusion
    /// phrase crosses and enough tokens follow, as between words: a Chinese character is a token of its own, so
    /// tokens, matches and sentences go on as in the whole text, and the run's word count, which needs the
    /// whole run (jieba's best route is computed from its end), is made where the run ends from its
    /// characters carried over (<see cref="ChineseRunCarry"/>).</para>
    /// </summary>
    private int CutInsideSentence(char[] buffer, int from, int limit, WindowScratch scratch, out bool inside, out bool insideRun, CancellationToken cancellationToken)
    {
        inside = false;
        insideRun = false;
        if (limit - from < 2)
        {
            return -1;
        }

        var piece = analyzer.MatchPiece(buffer.AsMemory(from, limit - from), scratch.Segments, scratch.Hits, scratch.Vetoes, cancellationToken);
        var tokens = piece.Tokens;
        var reach = (analyzer.Matcher.LongestPhrase * 4) + 8;
        var blocked = new System.Collections.BitArray(Math.Max(tokens.Count, 1));
        foreach (var hit in piece.Hits)
        {
            Block(blocked, hit.FirstToken, hit.FirstToken + hit.TokenCount - 2);
        }

        foreach (var veto in piece.Vetoes)
        {
            Block(blocked, veto.FirstToken, veto.FirstToken + veto.TokenCount - 2);
        }

        var matcher = analyzer.Matcher;
        for (var t = tokens.Count - 2; t >= 0; t--)
        {
            var gapStart = tokens.End(t);
            var gapEnd = tokens.Start(t + 1);
            if (blocked[t] || gapEnd <= gapStart)
            {
                continue;
            }

            // A clause mark breaks every phrase (the token after it does not join the one before); spaces
            // only will do when every match and exclusion phrase before was seen whole and none reaches across.
            var gap = buffer.AsSpan(from + gapStart, gapEnd - gapStart);
            var clause = gap.ContainsAny(ClauseMarks);
            if (gap.ContainsAnyExcept(ClauseGaps) || (clause ? tokens.JoinsPrevious(t + 1) : t >= tokens.Count - 1 - reach || matcher.ExclusionCrosses(tokens, t)))
            {
                continue;
            }

            return At(gapEnd, out inside);
        }

        // No place between words or clauses: between two adjacent Chinese characters of a run, on the same conditions.
        var text = buffer.AsSpan(from, limit - from);
        for (var t = tokens.Count - 2 - reach; t >= 0; t--)
        {
            if (!blocked[t] && WordCounter.InOneRun(text, tokens, t) && !matcher.ExclusionCrosses(tokens, t))
            {
                insideRun = true;
                return At(tokens.Start(t + 1), out inside);
            }
        }

        return -1;

        int At(int gapEnd, out bool insideSentence)
        {
            var sentence = scratch.Segments.SentenceAt(gapEnd);
            insideSentence = sentence >= 0 && scratch.Sentences[sentence].Start < gapEnd;
            return from + gapEnd;
        }
    }

    /// <summary>The marks between clauses where a window may be cut inside a sentence.</summary>
    private static readonly System.Buffers.SearchValues<char> ClauseMarks = System.Buffers.SearchValues.Create(",;:，、；：");

    /// <summary>What may stand between two tokens where a window is cut inside a sentence.</summary>
    private static readonly System.Buffers.SearchValues<char> ClauseGaps = System.Buffers.SearchValues.Create(" \t,;:，、；：");

    /// <summary>Marks the token gaps <paramref name="first"/> to <paramref name="last"/> (gap i: between tokens i and i + 1) as no place for a cut.</summary>
    private static void Block(System.Collections.BitArray blocked, int first, int last)
    {
        for (var i = Math.Max(first, 0); i <= last && i < blocked.Length; i++)
        {
            blocked[i] = true;
        }
    }

    /// <summary>
    /// True when, going back from <paramref name="cut"/>, a character that ends every token and every match
    /// (punctuation: not a word character, Chinese character, space, hyphen, apostrophe or invisible
    /// character, after character folding) comes before any token character.
    /// </summary>
    private bool NothingCrosses(char[] buffer, int from, int cut) => SafeCut.NothingCrosses(buffer.AsSpan(from, cut - from), analyzer.Matcher.Tokenizer.Normalizes);

    /// <summary>The lists a window is segmented and matched into, reused from window to window.</summary>
    private sealed class WindowScratch
    {
        public WindowScratch() => Segments = new SegmentedText(Paragraphs, Sentences);

        public List<TextSegment> Paragraphs { get; } = [];

        public List<TextSegment> Sentences { get; } = [];

        /// <summary>The segmentation in <see cref="Paragraphs"/> and <see cref="Sentences"/>.</summary>
        public SegmentedText Segments { get; }

        public List<LexiconHit> Hits { get; } = [];

        public List<LexiconVeto> Vetoes { get; } = [];

        /// <summary>
        /// Keeps the segmentation of the text before sentence <paramref name="sentence"/>: the sentences
        /// before it, and the paragraphs up to the last of them, that one ending where it ends (as the text
        /// cut there is segmented: the cut follows a sentence end, so nothing before it changes).
        /// </summary>
        public void EndBefore(int sentence)
        {
            var last = Sentences[sentence - 1];
            Sentences.RemoveRange(sentence, Sentences.Count - sentence);
            Paragraphs.RemoveRange(last.Paragraph + 1, Paragraphs.Count - last.Paragraph - 1);
            Paragraphs[last.Paragraph] = Paragraphs[last.Paragraph] with { End = last.End };
        }
    }

    /// <summary>What a reading of the text found.</summary>
    private sealed record Pass(DocumentNumberValues Numbers, long Characters, ThemeTally[] Themes, TermHits[] Terms, EvidenceSpill Evidence,
        TextFingerprint Fingerprint, bool HasText, string Sample);

    /// <summary>Looks at the characters as they are read: blanks out repeats, notes whether there is any text and keeps the start for guessing the language.</summary>
    private sealed class Look(IReadOnlyList<TextSegment>? blanks, bool first)
    {
        private readonly System.Text.StringBuilder _sample = new();
        private int _nextBlank;

        public bool HasText { get; private set; }

        public string Sample => _sample.ToString();

        public void Take(Span<char> chars, long offset)
        {
            if (first)
            {
                if (_sample.Length < LanguageSample)
                {
                    _sample.Append(chars[..Math.Min(chars.Length, LanguageSample - _sample.Length)]);
                }

                if (!HasText)
                {
                    foreach (var c in chars)
                    {
                        if (!char.IsWhiteSpace(c))
                        {
                            HasText = true;
                            break;
                        }
                    }
                }
            }

            if (blanks is null)
            {
                return;
            }

            var to = offset + chars.Length;
            while (_nextBlank < blanks.Count && blanks[_nextBlank].End <= offset)
            {
                _nextBlank++;
            }

            for (var b = _nextBlank; b < blanks.Count && blanks[b].Start < to; b++)
            {
                var start = (int)(Math.Max(blanks[b].Start, offset) - offset);
                var stop = (int)(Math.Min(blanks[b].End, to) - offset);
                foreach (ref var c in chars[start..stop])
                {
                    if (c is not ('\n' or '\r'))
                    {
                        c = ' ';
                    }
                }
            }
        }
    }
}
