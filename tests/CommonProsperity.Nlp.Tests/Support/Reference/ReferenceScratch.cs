namespace CommonProsperity.Nlp.Tests.Support.Reference;

/// <summary>
/// The matcher scratch as first written, for <see cref="ReferenceMatcher"/>.
/// Working memory for one thread's matching: the token buffer and per-token candidate lists, reused
/// from document to document so that matching allocates nothing in the steady state.
/// </summary>
internal sealed class ReferenceScratch
{
    /// <summary>The tokens to match; fill it with <see cref="ReferenceTokenizer.Tokenize(ReadOnlySpan{char}, ReferenceTokens)"/>.</summary>
    public ReferenceTokens Tokens { get; } = new();

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
