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
    public static TextFingerprint Of(string text, TokenBuffer tokens, SegmentedText segments)
    {
        var all = tokens.Keys(0, tokens.Count);
        var hash = all.IsEmpty ? 0 : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(all));
        HashSet<ulong>? seen = null;
        List<TextSegment>? repeats = null;
        var repeated = 0;
        var run = new List<TextSegment>();
        var runCharacters = 0;
        void EndRun()
        {
            if (runCharacters >= MinRepeatedCharacters)
            {
                (repeats ??= []).AddRange(run);
                repeated += runCharacters;
            }

            run.Clear();
            runCharacters = 0;
        }

        var t = 0;
        foreach (var sentence in segments.Sentences)
        {
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
            if (keys.Length < MinSentenceCharacters)
            {
                continue;
            }

            seen ??= [];
            if (seen.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(keys))))
            {
                EndRun();
            }
            else
            {
                run.Add(sentence);
                runCharacters += keys.Length;
            }
        }

        EndRun();

        var line = repeats is null ? 0 : 1 + text.AsSpan(0, repeats[0].Start).Count('\n');
        return new TextFingerprint(hash, repeats ?? [], repeated, all.Length, line);
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
