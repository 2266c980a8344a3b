using CommonProsperity.Nlp.Tokenization;

namespace CommonProsperity.Nlp.Lexicons;

/// <summary>
/// Working memory for one thread's matching: the token buffer and per-token candidate lists, reused
/// from document to document so that matching allocates nothing in the steady state.
/// </summary>
public sealed class MatchScratch
{
    /// <summary>The tokens to match; fill it with <see cref="CountingTokenizer.Tokenize(ReadOnlySpan{char}, TokenBuffer)"/>.</summary>
    public TokenBuffer Tokens { get; } = new();

    internal int[] CandidateStart { get; private set; } = new int[1024];

    internal int[] CandidateCount { get; private set; } = new int[1024];

    internal List<int> Candidates { get; } = new(256);

    internal int[] NextFree { get; private set; } = new int[16];

    internal void Prepare(int tokens, int themes)
    {
        if (CandidateStart.Length < tokens)
        {
            var size = Math.Max(tokens, CandidateStart.Length * 2);
            CandidateStart = new int[size];
            CandidateCount = new int[size];
        }

        if (NextFree.Length < themes)
        {
            NextFree = new int[themes];
        }

        Array.Clear(NextFree, 0, themes);
        Candidates.Clear();
    }
}
