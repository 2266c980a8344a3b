using System.Runtime.CompilerServices;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Working memory for one thread's matching: the token buffer and per-token candidate lists, reused
/// from document to document so that matching allocates nothing in the steady state.
/// </summary>
internal sealed class MatchScratch
{
    /// <summary>The tokens to match; fill it with <see cref="CountingTokenizer.Tokenize(ReadOnlySpan{char}, TokenBuffer)"/>.</summary>
    public TokenBuffer Tokens { get; } = new();

    /// <summary>Where each token's candidates start in <see cref="Candidates"/>; entry <c>count</c> ends the last token's.</summary>
    internal int[] CandidateStart { get; private set; } = new int[1025];

    /// <summary>The tokens, in text order, with a candidate that some term starts with (<see cref="StartCount"/> of them): where a walk can begin.</summary>
    internal int[] Starts { get; private set; } = new int[1024];

    /// <summary>How many entries of <see cref="Starts"/> are in use.</summary>
    internal int StartCount { get; set; }

    /// <summary>The candidate term-token ids of all tokens, token after token.</summary>
    internal int[] Candidates { get; private set; } = new int[256];

    /// <summary>Per candidate, how many tokens it spans: 1, or more for a word joined at line-end hyphens.</summary>
    internal int[] CandidateSpans { get; private set; } = new int[256];

    /// <summary>
    /// The tokens with every word joined at a line-end hyphen split into its parts (filled by
    /// <see cref="SplitLineEndHyphens"/>, only for texts with such hyphens).
    /// </summary>
    internal TokenBuffer Parts { get; } = new();

    /// <summary>Per part, the index of the token it belongs to.</summary>
    internal int[] PartToken { get; private set; } = new int[16];

    /// <summary>The most parts that line-end hyphens link into one word.</summary>
    internal int LongestRun { get; private set; } = 1;

    /// <summary>How many entries of <see cref="Candidates"/> are in use.</summary>
    internal int CandidateCount { get; set; }

    /// <summary>Per theme, the first token a new match may start at.</summary>
    internal int[] NextFree { get; private set; } = new int[16];

    /// <summary>Per theme, the length in tokens of the longest term found at the current position (0: none).</summary>
    internal int[] BestLength { get; private set; } = new int[16];

    /// <summary>
    /// Per theme, the position + 1 at which <see cref="BestLength"/> and <see cref="BestTerm"/> were set: they hold
    /// for the current position only when this equals it + 1 (no clearing per position).
    /// </summary>
    internal int[] BestStamp { get; private set; } = new int[16];

    /// <summary>One cell: the latest <see cref="BestStamp"/> of any theme, so that a walk that found nothing costs one check.</summary>
    internal int[] AnyBestStamp { get; } = new int[1];

    /// <summary>Per theme, the lexicon index of that term.</summary>
    internal int[] BestTerm { get; private set; } = new int[16];

    /// <summary>
    /// Per theme, the position + 1 at which the vetoed term below was found: the veto fields of a theme
    /// hold for the current position only when this equals it + 1, so they need no clearing per position.
    /// </summary>
    internal int[] VetoStamp { get; private set; } = new int[16];

    /// <summary>One cell: the latest <see cref="VetoStamp"/> of any theme, so that a position without vetoes costs one check.</summary>
    internal int[] AnyVetoStamp { get; } = new int[1];

    /// <summary>Per theme, the length in tokens of the longest vetoed term found at <see cref="VetoStamp"/>.</summary>
    internal int[] VetoLength { get; private set; } = new int[16];

    /// <summary>Per theme, the lexicon index of that vetoed term.</summary>
    internal int[] VetoTerm { get; private set; } = new int[16];

    /// <summary>Per theme, the index of the exclusion that vetoed it.</summary>
    internal int[] VetoExclusion { get; private set; } = new int[16];

    internal void Prepare(int tokens, int themes)
    {
        if (CandidateStart.Length < tokens + 1)
        {
            CandidateStart = new int[Math.Max(tokens + 1, CandidateStart.Length * 2)];
        }

        if (Starts.Length < tokens)
        {
            Starts = new int[Math.Max(tokens, Starts.Length * 2)];
        }

        if (NextFree.Length < themes)
        {
            NextFree = new int[themes];
            BestLength = new int[themes];
            BestTerm = new int[themes];
            BestStamp = new int[themes];
            VetoStamp = new int[themes];
            VetoLength = new int[themes];
            VetoTerm = new int[themes];
            VetoExclusion = new int[themes];
        }

        Array.Clear(NextFree, 0, themes);
        Array.Clear(VetoStamp, 0, themes);
        Array.Clear(BestStamp, 0, themes);
        AnyVetoStamp[0] = 0;
        AnyBestStamp[0] = 0;
        StartCount = 0;
        CandidateCount = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddCandidate(int id, int span = 1)
    {
        EnsureCandidates(1);
        CandidateSpans[CandidateCount] = span;
        Candidates[CandidateCount++] = id;
    }

    /// <summary>Makes room for <paramref name="more"/> candidates after the <see cref="CandidateCount"/> in use (inlined: the matcher asks at every token, and the room is nearly always there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void EnsureCandidates(int more)
    {
        if (CandidateCount + more > Candidates.Length)
        {
            GrowCandidates(CandidateCount + more);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowCandidates(int needed)
    {
        var grown = Candidates;
        Array.Resize(ref grown, Math.Max(needed, grown.Length * 2));
        Candidates = grown;
        var spans = CandidateSpans;
        Array.Resize(ref spans, grown.Length);
        CandidateSpans = spans;
    }

    /// <summary>
    /// Fills <see cref="Parts"/> from <see cref="Tokens"/>: a token joined at line-end hyphens becomes its
    /// parts (each after the first joins the one before and follows a line-end hyphen); other tokens are
    /// copied. Returns <see cref="Parts"/>.
    /// </summary>
    internal TokenBuffer SplitLineEndHyphens()
    {
        var needed = Tokens.Count + Tokens.SplitCount;
        if (PartToken.Length < needed)
        {
            PartToken = new int[Math.Max(needed, PartToken.Length * 2)];
        }

        LongestRun = Parts.SplitFrom(Tokens, PartToken);
        return Parts;
    }
}
