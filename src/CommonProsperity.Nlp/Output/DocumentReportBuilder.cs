using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Turns a document's analysis into what the reports take from it (<see cref="DocumentReport"/>):
/// its summary row, its hits per term, and its evidence rows formatted as CSV bytes. This is the
/// per-document share of report writing, done on worker threads so that the writer only appends.
/// Thread-safe.
/// </summary>
internal sealed class DocumentReportBuilder
{
    /// <summary>The most a document's evidence buffer starts with; larger ones grow by doubling.</summary>
    private const long InitialEvidenceBytes = 16L << 20;

    private readonly int _context;
    private readonly int _maxEvidenceBytes;
    private readonly EvidenceMode _evidence;
    private readonly byte[][] _themeFields;
    private readonly byte[][]? _labelFields;
    private readonly byte[][] _termFields;

    /// <summary>Each term's theme, label (when the lexicon has labels) and term cells, joined by commas: written as one copy.</summary>
    private readonly byte[][] _themeTermFields;

    /// <summary>Each term's theme index (a term belongs to one theme).</summary>
    private readonly int[] _termThemes;

    /// <summary>The cells in each of <see cref="_themeTermFields"/>.</summary>
    private readonly int _themeTermCells;

    /// <summary>Prepares the theme and term cells of <paramref name="matcher"/>'s lexicon once.</summary>
    /// <param name="matcher">The matcher whose hits will be reported.</param>
    /// <param name="contextCharacters">Characters of context each side of a match.</param>
    /// <param name="evidence">What the evidence rows hold (<see cref="EvidenceMode"/>).</param>
    public DocumentReportBuilder(LexiconMatcher matcher, int contextCharacters, EvidenceMode evidence = EvidenceMode.Full)
        : this(matcher, contextCharacters, CsvRowBuffer.MaxBytes, evidence)
    {
    }

    /// <summary>A builder whose documents may have at most <paramref name="maxEvidenceBytes"/> of evidence rows each (tests use a small limit).</summary>
    internal DocumentReportBuilder(LexiconMatcher matcher, int contextCharacters, int maxEvidenceBytes, EvidenceMode evidence = EvidenceMode.Full)
    {
        _maxEvidenceBytes = maxEvidenceBytes;
        _evidence = evidence;
        ArgumentNullException.ThrowIfNull(matcher);
        _context = contextCharacters;
        _themeFields = [.. matcher.Themes.Select(CsvRowBuffer.Encode)];
        _labelFields = matcher.Lexicon.ThemeLabels is null ? null : [.. matcher.Themes.Select(t => CsvRowBuffer.Encode(matcher.Lexicon.LabelOf(t)))];
        _termFields = [.. matcher.Lexicon.Terms.Select(t => CsvRowBuffer.Encode(t.Term))];
        var themeIndex = matcher.Themes.Select((theme, index) => (theme, index)).ToDictionary(t => t.theme, t => t.index, StringComparer.Ordinal);
        _termThemes = [.. matcher.Lexicon.Terms.Select(t => themeIndex[t.Theme])];
        _themeTermFields = [.. _termFields.Select((term, t) => JoinCells(_labelFields is null ? [_themeFields[_termThemes[t]], term] : [_themeFields[_termThemes[t]], _labelFields[_termThemes[t]], term]))];
        _themeTermCells = _labelFields is null ? 2 : 3;
    }

    private static byte[] JoinCells(byte[][] cells) => [.. cells.SelectMany((cell, k) => k == 0 ? cell : [(byte)',', .. cell])];

    /// <summary>Builds the report of one document.</summary>
    /// <exception cref="InputException">Its evidence rows would not fit in memory (more than 1 GiB); the message names the document.</exception>
    public DocumentReport Build(DocumentAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var document = analysis.Document;
        var text = document.Content;

        // An estimate only, in long (hits × context overflowed int), and a modest start: the buffer doubles as needed.
        var estimate = _evidence == EvidenceMode.None ? 0 : 256L + (analysis.Hits.Count * (64L + document.Id.Length + (_evidence == EvidenceMode.Full ? _context * 4L : 0)));
        var evidence = new CsvRowBuffer((int)Math.Min(estimate, InitialEvidenceBytes), _maxEvidenceBytes);
        try
        {
            WriteEvidence(analysis, evidence);
        }
        catch (EvidenceLimitException e)
        {
            evidence.Release();
            throw new InputException(
                $"the evidence rows of its {analysis.Hits.Count.ToString("N0", CultureInfo.InvariantCulture)} matches with {_context} characters of context each side would take more than {e.Limit.ToString("N0", CultureInfo.InvariantCulture)} bytes, more than one document may have in memory.",
                document.Id, null, Wording.Of($"Analyse it with less context ({OptionName.Context}, default 40), or split the file into smaller documents."), e);
        }

        var summary = DocumentSummary.Of(analysis);
        return new DocumentReport(summary, text.Length, CountTerms(analysis.Hits, analysis.Vetoes), evidence)
        {
            Fingerprint = analysis.Fingerprint,
            RepeatsLeftOut = analysis.RepeatsLeftOut,
        };
    }

    /// <summary>Characters of context each side of a match.</summary>
    internal int ContextCharacters => _context;

    private void WriteEvidence(DocumentAnalysis analysis, CsvRowBuffer evidence) =>
        WriteEvidence(evidence, CsvRowBuffer.Encode(analysis.Document.Id), analysis.Hits, analysis.Segments, analysis.Document.Content.Span, 0, 0, 0);

    /// <summary>
    /// Writes the evidence rows of <paramref name="hits"/>, whose offsets are in a piece of a document
    /// (the whole, or a window of a large one) with the sentences <paramref name="segments"/>. The piece is
    /// <paramref name="text"/> from <paramref name="textOffset"/> on: the text around it is there for the
    /// snippets (at least the context width and one character more each side, or up to the document's
    /// ends). The rows give offsets plus <paramref name="documentOffset"/> and sentence indexes plus
    /// <paramref name="sentencesBefore"/>, so that they read as if the document had been analysed whole.
    /// </summary>
    internal void WriteEvidence(CsvRowBuffer evidence, byte[] id, IReadOnlyList<LexiconHit> hits, SegmentedText segments, ReadOnlySpan<char> text, int textOffset,
        int documentOffset, int sentencesBefore)
    {
        var sentence = -1;
        WriteEvidence(evidence, id, hits, 0, hits.Count, ref sentence, segments, text, textOffset, documentOffset, sentencesBefore);
    }

    /// <summary>
    /// As <see cref="WriteEvidence(CsvRowBuffer, byte[], IReadOnlyList{LexiconHit}, SegmentedText, ReadOnlySpan{char}, int, int, int)"/>
    /// for the <paramref name="count"/> hits from <paramref name="first"/> on (a window's rows written a
    /// batch at a time); <paramref name="sentence"/> is the sentence of the hit before them (-1 before the
    /// first), and is left at that of the last.
    /// </summary>
    internal void WriteEvidence(CsvRowBuffer evidence, byte[] id, IReadOnlyList<LexiconHit> hits, int first, int count, ref int sentence, SegmentedText segments,
        ReadOnlySpan<char> text, int textOffset, int documentOffset, int sentencesBefore)
    {
        if (_evidence == EvidenceMode.None)
        {
            return;
        }

        var full = _evidence == EvidenceMode.Full;
        var copy = full ? PrepareSnippets(hits, first, count, text, textOffset) : null;
        for (var h = first; h < first + count; h++)
        {
            var hit = hits[h];
            sentence = segments.SentenceAt(hit.Start, sentence);
            evidence.WriteEncodedField(id);
            if (_termThemes[hit.Term] == hit.Theme)
            {
                evidence.WriteEncodedFields(_themeTermFields[hit.Term], _themeTermCells);
            }
            else
            {
                evidence.WriteEncodedField(_themeFields[hit.Theme]);
                if (_labelFields is not null)
                {
                    evidence.WriteEncodedField(_labelFields[hit.Theme]);
                }

                evidence.WriteEncodedField(_termFields[hit.Term]);
            }
            evidence.WriteField(hit.Start + documentOffset);
            evidence.WriteField(hit.End + documentOffset);
            if (full)
            {
                var start = hit.Start + textOffset;
                var end = hit.End + textOffset;
                EvidenceContext.WriteLeft(evidence, text, start, _context, copy);
                if (copy is null || !copy.TryWrite(evidence, text, start, end))
                {
                    evidence.WriteField(text[start..end]);
                }

                EvidenceContext.WriteRight(evidence, text, end, _context, copy);
            }

            evidence.WriteField(sentence + sentencesBefore);
            evidence.EndRecord();
        }
    }

    /// <summary>
    /// This thread's <see cref="SnippetBytes"/> prepared over the text the snippets of the hits come from, when they are
    /// dense enough for copying to pay (Chinese evidence); null otherwise.
    /// </summary>
    private SnippetBytes? PrepareSnippets(IReadOnlyList<LexiconHit> hits, int first, int count, ReadOnlySpan<char> text, int textOffset)
    {
        if (count == 0)
        {
            return null;
        }

        int lowest = int.MaxValue, highest = 0;
        long characters = 0;
        for (var h = first; h < first + count; h++)
        {
            var hit = hits[h];
            lowest = Math.Min(lowest, hit.Start);
            highest = Math.Max(highest, hit.End);
            characters += (2L * _context) + hit.End - hit.Start;
        }

        // One character more each side than the context: where a snippet stops short of a surrogate pair.
        var from = Math.Max(0, lowest + textOffset - _context - 1);
        var to = Math.Min(text.Length, highest + textOffset + _context + 1);
        var copy = SnippetBytes.ForThread;
        return copy.Prepare(text, from, to, characters) ? copy : null;
    }

    /// <summary>Hits and vetoed matches per term from counts by term index: the terms with either, in term order.</summary>
    internal static TermHits[] CountTerms(int[] hits, int[] vetoes)
    {
        var counts = new List<TermHits>();
        for (var term = 0; term < hits.Length; term++)
        {
            if (hits[term] > 0 || vetoes[term] > 0)
            {
                counts.Add(new TermHits(term, hits[term], vetoes[term]));
            }
        }

        return [.. counts];
    }

    /// <summary>
    /// Hits and vetoed matches per term, by term index: counted in this thread's table (by term), the terms met
    /// gathered as they first appear and sorted, so that a document costs its hits and its distinct terms.
    /// </summary>
    private TermHits[] CountTerms(IReadOnlyList<LexiconHit> hits, IReadOnlyList<LexiconVeto> vetoes)
    {
        if (hits.Count == 0 && vetoes.Count == 0)
        {
            return [];
        }

        var table = TermCountTable.ForThread(_termFields.Length);
        for (var h = 0; h < hits.Count; h++)
        {
            table.AddHit(hits[h].Term);
        }

        for (var v = 0; v < vetoes.Count; v++)
        {
            table.AddVeto(vetoes[v].Term);
        }

        return table.TakeCounts();
    }

    /// <summary>One thread's hit and veto counts by term, and the terms counted since the last <see cref="TakeCounts"/>.</summary>
    private sealed class TermCountTable
    {
        [ThreadStatic]
        private static TermCountTable? _perThread;

        private int[] _hits = [];
        private int[] _vetoes = [];
        private int[] _met = new int[64];
        private int _metCount;

        /// <summary>This thread's table, large enough for <paramref name="terms"/> terms and empty.</summary>
        public static TermCountTable ForThread(int terms)
        {
            var table = _perThread ??= new TermCountTable();
            if (table._hits.Length < terms)
            {
                table._hits = new int[terms];
                table._vetoes = new int[terms];
            }

            return table;
        }

        public void AddHit(int term)
        {
            Meet(term);
            _hits[term]++;
        }

        public void AddVeto(int term)
        {
            Meet(term);
            _vetoes[term]++;
        }

        /// <summary>The counts of the terms met, in term order; the table is left empty.</summary>
        public TermHits[] TakeCounts()
        {
            var met = _met.AsSpan(0, _metCount);
            met.Sort();
            var counts = new TermHits[met.Length];
            for (var k = 0; k < met.Length; k++)
            {
                var term = met[k];
                counts[k] = new TermHits(term, _hits[term], _vetoes[term]);
                _hits[term] = 0;
                _vetoes[term] = 0;
            }

            _metCount = 0;
            return counts;
        }

        private void Meet(int term)
        {
            if (_hits[term] != 0 || _vetoes[term] != 0)
            {
                return;
            }

            if (_metCount == _met.Length)
            {
                Array.Resize(ref _met, _met.Length * 2);
            }

            _met[_metCount++] = term;
        }
    }
}
