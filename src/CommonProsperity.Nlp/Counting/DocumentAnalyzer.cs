using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Analyses one document: tokenize, count words, match the lexicon, segment into sentences, tally per theme.
/// Thread-safe; each thread keeps its own scratch buffers.
/// </summary>
/// <param name="matcher">The lexicon to count.</param>
/// <param name="words">Counts the document's words (for rates comparable across languages).</param>
/// <param name="leaveOutRepeats">
/// Count a document that repeats long blocks of itself (<see cref="TextFingerprint.RepeatsBlocks"/>) as
/// if each block stood once: the repeated sentences are blanked out before counting, offsets unchanged.
/// </param>
internal sealed class DocumentAnalyzer(LexiconMatcher matcher, WordCounter words, bool leaveOutRepeats = false)
{
    private readonly WordCounter _words = words ?? throw new ArgumentNullException(nameof(words));
    private readonly ThreadLocal<MatchScratch> _scratch = new(() => new MatchScratch());

    /// <summary>Each term's weight (1 for a term without one), by term index; null for a lexicon without weights.</summary>
    private readonly double[]? _weights = matcher?.Lexicon.HasWeights == true ? [.. matcher.Lexicon.Terms.Select(t => t.Weight ?? 1)] : null;

    /// <summary>The matcher in use.</summary>
    public LexiconMatcher Matcher { get; } = matcher ?? throw new ArgumentNullException(nameof(matcher));

    /// <summary>Analyses <paramref name="document"/>.</summary>
    public DocumentAnalysis Analyze(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var analysis = Analyze(document, null, cancellationToken);
        return leaveOutRepeats && analysis.Fingerprint.RepeatsBlocks
            ? Analyze(document with { Text = analysis.Fingerprint.WithoutRepeats(document.Text) }, analysis.Fingerprint, cancellationToken)
            : analysis;
    }

    /// <summary>True when a document that repeats long blocks of itself is counted as if each block stood once.</summary>
    public bool LeavesOutRepeats => leaveOutRepeats;

    /// <summary>Analyses <paramref name="document"/>; a given <paramref name="fingerprint"/> is that of the original text, whose repeats are blanked out in this one.</summary>
    private DocumentAnalysis Analyze(Document document, TextFingerprint? fingerprint, CancellationToken cancellationToken)
    {
        var piece = AnalyzePiece(document.Content, cancellationToken);
        var tallies = NewTallies();
        tallies.Add(piece.Hits, piece.Segments, 0);
        return new DocumentAnalysis(document, DocumentNumberValues.Of(piece), piece.Segments, tallies.Result(), piece.Hits, piece.Vetoes)
        {
            Fingerprint = fingerprint ?? TextFingerprint.Of(piece.Text.Span, piece.Tokens, piece.Segments),
            RepeatsLeftOut = fingerprint is not null,
        };
    }

    /// <summary>
    /// Tokenizes, counts the words of, matches and segments <paramref name="text"/>, a whole document.
    /// The tokens stay in this thread's scratch buffer until the next call.
    /// </summary>
    internal Piece AnalyzePiece(ReadOnlyMemory<char> text, CancellationToken cancellationToken)
    {
        var hits = new List<LexiconHit>();
        var vetoes = new List<LexiconVeto>();
        var (tokens, words) = TokenizeAndMatch(text.Span, hits, vetoes, cancellationToken);
        var segments = TextSegmenter.Instance.Segment(text.Span);
        return new Piece(text, tokens, words, hits, vetoes, segments);
    }

    /// <summary>
    /// As <see cref="AnalyzePiece(ReadOnlyMemory{char}, CancellationToken)"/> for a window of a large document that starts
    /// and ends where a sentence ends and no token or match crosses, already segmented into
    /// <paramref name="segments"/>; the hits and vetoes go into the given lists (cleared first), which the
    /// caller reuses from window to window, so that a window allocates nothing that grows with it. A window
    /// may also start or end inside a run of Chinese characters (<paramref name="carry"/>,
    /// <paramref name="endsInsideRun"/>: <see cref="WordCounter.Count(ReadOnlySpan{char}, TokenBuffer, ChineseRunCarry?, bool)"/>),
    /// whose words are counted in the window where the run ends.
    /// </summary>
    internal Piece AnalyzePiece(ReadOnlyMemory<char> text, SegmentedText segments, List<LexiconHit> hits, List<LexiconVeto> vetoes, ChineseRunCarry carry, bool endsInsideRun,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(carry);
        hits.Clear();
        vetoes.Clear();
        var (tokens, words) = TokenizeAndMatch(text.Span, hits, vetoes, new WordsOf(carry, endsInsideRun), cancellationToken);
        return new Piece(text, tokens, words, hits, vetoes, segments);
    }

    /// <summary>
    /// As <see cref="AnalyzePiece(ReadOnlyMemory{char}, SegmentedText, List{LexiconHit}, List{LexiconVeto}, ChineseRunCarry, bool, CancellationToken)"/>
    /// without counting words (<see cref="Piece.Words"/> is 0): the tokens and matches of a stretch in which a
    /// window's cut is looked for.
    /// </summary>
    internal Piece MatchPiece(ReadOnlyMemory<char> text, SegmentedText segments, List<LexiconHit> hits, List<LexiconVeto> vetoes, CancellationToken cancellationToken)
    {
        hits.Clear();
        vetoes.Clear();
        var (tokens, _) = TokenizeAndMatch(text.Span, hits, vetoes, WordsOf.None, cancellationToken);
        return new Piece(text, tokens, 0, hits, vetoes, segments);
    }

    private (TokenBuffer Tokens, int Words) TokenizeAndMatch(ReadOnlySpan<char> text, List<LexiconHit> hits, List<LexiconVeto> vetoes, CancellationToken cancellationToken) =>
        TokenizeAndMatch(text, hits, vetoes, WordsOf.Whole, cancellationToken);

    private (TokenBuffer Tokens, int Words) TokenizeAndMatch(ReadOnlySpan<char> text, List<LexiconHit> hits, List<LexiconVeto> vetoes, WordsOf count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scratch = _scratch.Value!;
        Matcher.Tokenizer.Tokenize(text, scratch.Tokens);
        cancellationToken.ThrowIfCancellationRequested();
        var wordCount = count.Skip ? 0 : _words.Count(text, scratch.Tokens, count.Carry, count.EndsInsideRun);
        Matcher.Match(scratch, hits, Matcher.HasExclusions ? vetoes : null);
        cancellationToken.ThrowIfCancellationRequested();
        return (scratch.Tokens, wordCount);
    }

    /// <summary>How a text's words are counted: as a whole text, as a window with a carried run, or not at all.</summary>
    private readonly record struct WordsOf(ChineseRunCarry? Carry, bool EndsInsideRun, bool Skip = false)
    {
        public static WordsOf Whole => default;

        public static WordsOf None => new(null, false, true);
    }

    /// <summary>Empty per-theme tallies, to which the hits of a document are added in text order.</summary>
    internal Tallies NewTallies() => new(Matcher.Themes.Count, _weights);

    /// <summary>What <c>AnalyzePiece</c> finds in a text (<c>Text</c>), from which <see cref="DocumentNumbers"/> counts.</summary>
    internal sealed record Piece(ReadOnlyMemory<char> Text, TokenBuffer Tokens, int Words, List<LexiconHit> Hits, List<LexiconVeto> Vetoes, SegmentedText Segments)
    {
        /// <summary>True when the piece (a window of a large document) starts inside a sentence the piece before ended in: its first sentence is that one, counted there.</summary>
        public bool ContinuesSentence { get; init; }

        /// <summary>The sentences that start in the piece.</summary>
        public int SentencesStarting => Segments.Sentences.Count - (ContinuesSentence ? 1 : 0);
    }

    /// <summary>Each theme's hits, sentences with hits and weighted hits, summed over hits added in text order (so that pieces add up to the whole).</summary>
    internal sealed class Tallies(int themeCount, double[]? weights)
    {
        private readonly int[] _hits = new int[themeCount];
        private readonly int[] _sentences = new int[themeCount];
        private readonly double[] _weighted = new double[themeCount];
        private readonly int[] _lastSentence = Enumerable.Repeat(-1, themeCount).ToArray();

        /// <summary>Adds <paramref name="hits"/>, in text order, whose sentences are in <paramref name="segments"/> after <paramref name="sentencesBefore"/> earlier ones.</summary>
        public void Add(List<LexiconHit> hits, SegmentedText segments, int sentencesBefore)
        {
            var sentence = -1;
            foreach (var hit in hits)
            {
                _hits[hit.Theme]++;
                if (weights is not null)
                {
                    _weighted[hit.Theme] += weights[hit.Term];
                }

                sentence = segments.SentenceAt(hit.Start, sentence);
                var global = sentence + sentencesBefore;
                if (global != _lastSentence[hit.Theme])
                {
                    _sentences[hit.Theme]++;
                    _lastSentence[hit.Theme] = global;
                }
            }
        }

        /// <summary>The tallies, by theme.</summary>
        public ThemeTally[] Result()
        {
            var tallies = new ThemeTally[_hits.Length];
            for (var t = 0; t < tallies.Length; t++)
            {
                tallies[t] = new ThemeTally(_hits[t], _sentences[t], _weighted[t]);
            }

            return tallies;
        }
    }
}
