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

    /// <summary>Analyses <paramref name="document"/>; a given <paramref name="fingerprint"/> is that of the original text, whose repeats are blanked out in this one.</summary>
    private DocumentAnalysis Analyze(Document document, TextFingerprint? fingerprint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scratch = _scratch.Value!;
        Matcher.Tokenizer.Tokenize(document.Text, scratch.Tokens);
        cancellationToken.ThrowIfCancellationRequested();
        var wordCount = _words.Count(document.Text, scratch.Tokens);
        var hits = new List<LexiconHit>();
        var vetoes = Matcher.HasExclusions ? new List<LexiconVeto>() : null;
        Matcher.Match(scratch, hits, vetoes);
        cancellationToken.ThrowIfCancellationRequested();
        var segments = TextSegmenter.Instance.Segment(document.Text);

        var themeCount = Matcher.Themes.Count;
        var hitCounts = new int[themeCount];
        var sentenceCounts = new int[themeCount];
        var weighted = new double[themeCount];
        var lastSentence = new int[themeCount];
        Array.Fill(lastSentence, -1);
        var sentence = -1;
        foreach (var hit in hits)
        {
            hitCounts[hit.Theme]++;
            if (_weights is not null)
            {
                weighted[hit.Theme] += _weights[hit.Term];
            }

            sentence = segments.SentenceAt(hit.Start, sentence);
            if (sentence != lastSentence[hit.Theme])
            {
                sentenceCounts[hit.Theme]++;
                lastSentence[hit.Theme] = sentence;
            }
        }

        var tallies = new ThemeTally[themeCount];
        for (var t = 0; t < themeCount; t++)
        {
            tallies[t] = new ThemeTally(hitCounts[t], sentenceCounts[t], weighted[t]);
        }

        return new DocumentAnalysis(document, scratch.Tokens.Count, wordCount, segments, tallies, hits, vetoes ?? [])
        {
            Fingerprint = fingerprint ?? TextFingerprint.Of(document.Text, scratch.Tokens, segments),
            RepeatsLeftOut = fingerprint is not null,
        };
    }
}
