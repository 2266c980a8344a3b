using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Text;

/// <summary>
/// A cheap fingerprint of a document for finding near-duplicate inputs, made from the tokens the
/// counting already has: a 64-bit hash (XXH3) of its normalised text, and the blocks of the document
/// that repeat earlier text of it. A block is a run of consecutive sentences of at least
/// <see cref="MinSentenceCharacters"/> normalised characters that each equal an earlier sentence of the
/// document (shorter sentences between them neither end nor extend the run), holding at least
/// <see cref="MinRepeatedCharacters"/> normalised characters. A document repeats itself (the same text
/// pasted again) when its blocks hold at least <see cref="MinRepeatedShare"/> of its text; scattered
/// repeats and a few repeated endnotes in a long report do not count. Normalised text is the tokens' keys one after another: lower
/// case, spaces, line breaks, punctuation and line-end hyphenation left out, so the same text wrapped,
/// spaced or cased differently has the same fingerprint.
/// </summary>
/// <param name="Text">The hash of the normalised text (0 for a text without tokens, which is nobody's duplicate).</param>
/// <param name="Repeats">The sentences of the repeated blocks, in text order.</param>
/// <param name="RepeatedCharacters">Their normalised characters.</param>
/// <param name="Characters">The normalised characters of the whole text.</param>
/// <param name="FirstRepeatLine">The line (1-based) where the first repeated sentence starts; 0 when none does.</param>
internal sealed record TextFingerprint(ulong Text, IReadOnlyList<TextSegment> Repeats, int RepeatedCharacters, int Characters, int FirstRepeatLine)
{
    /// <summary>Sentences shorter than this (in normalised characters) may repeat freely: headings, formulas, "本法自公布之日起施行".</summary>
    public const int MinSentenceCharacters = 50;

    /// <summary>A run of repeated sentences is a repeated block when it holds at least this many normalised characters.</summary>
    public const int MinRepeatedCharacters = 500;

    /// <summary>The fingerprint of no text.</summary>
    public static TextFingerprint Empty { get; } = new(0, [], 0, 0, 0);

    /// <summary>
    /// The repeated blocks must also hold this share of the document's normalised text: a long report
    /// whose endnotes cite one source in several notes in a row repeats a block, but was not pasted twice.
    /// </summary>
    public const double MinRepeatedShare = 0.1;

    /// <summary>True when the document repeats long blocks of itself (the same text pasted more than once): blocks of at least <see cref="MinRepeatedShare"/> of the text.</summary>
    public bool RepeatsBlocks => Repeats.Count > 0 && RepeatedCharacters >= MinRepeatedShare * Characters;

    /// <summary>The fingerprint of a text from its tokens and sentences.</summary>
    public static TextFingerprint Of(ReadOnlySpan<char> text, TokenBuffer tokens, SegmentedText segments)
    {
        var builder = new Builder();
        builder.Add(text, tokens, segments, 0, 0);
        return builder.Finish();
    }

    /// <summary>
    /// Makes the fingerprint of a text that arrives in pieces (a large document analysed in windows,
    /// each piece ending where a sentence ends): the same fingerprint as <see cref="Of"/> gives for the
    /// whole text, with a hash state and the hashes of the long sentences seen so far, not the text.
    /// </summary>
    internal sealed class Builder
    {
        private readonly XxHash3 _hash = new();
        private readonly List<TextSegment> _run = [];
        private readonly XxHash3 _openHash = new();
        private TextSegment _openSentence;
        private int _openCharacters;
        private int _openLine;
        private HashSet<ulong>? _seen;
        private List<TextSegment>? _repeats;
        private int _characters;
        private int _repeated;
        private int _runCharacters;
        private int _runLine;
        private int _firstRepeatLine;

        /// <summary>
        /// Adds the next piece of the text: <paramref name="text"/>, which starts at offset
        /// <paramref name="offset"/> of the whole and after <paramref name="sentencesBefore"/> sentences and
        /// <paramref name="linesBefore"/> line breaks, with its tokens and sentences.
        /// </summary>
        public void Add(ReadOnlySpan<char> text, TokenBuffer tokens, SegmentedText segments, int offset, int sentencesBefore, int linesBefore = 0) =>
            Add(text, tokens, segments, offset, sentencesBefore, linesBefore, continues: false, open: false);

        /// <summary>
        /// As <see cref="Add(ReadOnlySpan{char}, TokenBuffer, SegmentedText, int, int, int)"/> for a piece
        /// that may start or end inside a sentence (a window cut where no sentence ends): when
        /// <paramref name="continues"/>, its first sentence goes on with the last sentence of the piece
        /// before (which has the index <paramref name="sentencesBefore"/>); when <paramref name="open"/>, its
        /// last sentence goes on in the next piece. Such a sentence is hashed as it arrives and judged when it ends.
        /// </summary>
        public void Add(ReadOnlySpan<char> text, TokenBuffer tokens, SegmentedText segments, int offset, int sentencesBefore, int linesBefore, bool continues, bool open)
        {
            var all = tokens.Keys(0, tokens.Count);
            _hash.Append(MemoryMarshal.AsBytes(all));
            _characters += all.Length;
            int linePosition = 0, lines = linesBefore;
            var t = 0;
            var sentenceList = segments.Sentences;
            for (var s = 0; s < sentenceList.Count; s++)
            {
                var sentence = sentenceList[s];
                while (t < tokens.Count && tokens.Start(t) < sentence.Start)
                {
                    t++;
                }

                var first = t;
                while (t < tokens.Count && tokens.Start(t) < sentence.End)
                {
                    t++;
                }

                var keys = tokens.Keys(first, t);
                var whole = sentence with { Index = sentence.Index + sentencesBefore, Start = sentence.Start + offset, End = sentence.End + offset };
                var goesOn = open && s == sentenceList.Count - 1;
                if (continues && s == 0)
                {
                    // The rest of the sentence the piece before left open.
                    _openHash.Append(MemoryMarshal.AsBytes(keys));
                    _openCharacters += keys.Length;
                    if (!goesOn)
                    {
                        Judge(_openSentence with { End = whole.End }, _openCharacters, _openHash.GetCurrentHashAsUInt64(), _openLine);
                    }

                    continue;
                }

                if (goesOn || keys.Length >= MinSentenceCharacters)
                {
                    // The line where the sentence starts, counted forward from the last one asked in this piece.
                    lines += text[linePosition..sentence.Start].Count('\n');
                    linePosition = sentence.Start;
                }

                if (goesOn)
                {
                    _openHash.Reset();
                    _openHash.Append(MemoryMarshal.AsBytes(keys));
                    _openCharacters = keys.Length;
                    _openSentence = whole;
                    _openLine = 1 + lines;
                    continue;
                }

                if (keys.Length >= MinSentenceCharacters)
                {
                    Judge(whole, keys.Length, XxHash3.HashToUInt64(MemoryMarshal.AsBytes(keys)), 1 + lines);
                }
            }
        }

        /// <summary>A sentence of at least <see cref="MinSentenceCharacters"/> normalised characters, starting on line <paramref name="line"/>: a repeat extends the run, a new one ends it.</summary>
        private void Judge(TextSegment sentence, int characters, ulong hash, int line)
        {
            if (characters < MinSentenceCharacters)
            {
                return;
            }

            _seen ??= [];
            if (_seen.Add(hash))
            {
                EndRun();
                return;
            }

            if (_run.Count == 0)
            {
                _runLine = line;
            }

            _run.Add(sentence);
            _runCharacters += characters;
        }

        /// <summary>The fingerprint of all the pieces added.</summary>
        public TextFingerprint Finish()
        {
            EndRun();
            var hash = _characters == 0 ? 0 : _hash.GetCurrentHashAsUInt64();
            return new TextFingerprint(hash, _repeats ?? [], _repeated, _characters, _firstRepeatLine);
        }

        private void EndRun()
        {
            if (_runCharacters >= MinRepeatedCharacters)
            {
                if (_repeats is null)
                {
                    _repeats = [];
                    _firstRepeatLine = _runLine;
                }

                _repeats.AddRange(_run);
                _repeated += _runCharacters;
            }

            _run.Clear();
            _runCharacters = 0;
        }
    }

    /// <summary>
    /// <paramref name="text"/> with the repeated sentences blanked out: every character but line breaks
    /// becomes a space, so that they count for nothing while every offset still points where it did.
    /// </summary>
    public string WithoutRepeats(string text) => string.Create(text.Length, (text, Repeats), static (span, state) =>
    {
        state.text.AsSpan().CopyTo(span);
        foreach (var repeat in state.Repeats)
        {
            foreach (ref var c in span[repeat.Start..repeat.End])
            {
                if (c is not ('\n' or '\r'))
                {
                    c = ' ';
                }
            }
        }
    });
}
