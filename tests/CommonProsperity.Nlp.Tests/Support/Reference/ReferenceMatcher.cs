using CommonProsperity.Nlp.Lexicons;

namespace CommonProsperity.Nlp.Tests.Support.Reference;

/// <summary>
/// The lexicon matcher as first written, kept unchanged as the oracle for the optimised <see cref="LexiconMatcher"/>.
/// Finds a lexicon's terms in tokenized text by the counting rules: a term matches consecutive tokens
/// that equal its tokens (a starred last token: starts with it) with only whitespace or hyphens between
/// them; per theme, matching runs left to right and at each position the longest term (in tokens) wins
/// and uses its tokens up, so one theme's matches never overlap; themes are matched independently.
/// When two terms cover the same tokens, an exact last word wins over a prefix, and a longer prefix over
/// a shorter one. Thread-safe once built; per-call state lives in a <see cref="ReferenceScratch"/>.
/// Exclusions (rule 7) were added later, as plainly as possible: a term reached in the walk is passed
/// over when one of its exclusion phrases, compared token by token, covers the match.
/// </summary>
internal sealed class ReferenceMatcher
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _prefix;
    private readonly int _exactCount;
    private readonly int[] _prefixLengths;
    private readonly TrieNode[][] _tries;
    private readonly TermPattern[][] _exclusions;

    /// <summary>Compiles <paramref name="lexicon"/> into per-theme tries over token ids.</summary>
    public ReferenceMatcher(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        Themes = lexicon.Themes;
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, int>(StringComparer.Ordinal);
        var patterns = lexicon.Terms.Select(t => TermPattern.Parse(t.Term, lexicon.Source, t.Line)).ToArray();
        foreach (var pattern in patterns)
        {
            for (var k = 0; k < pattern.Tokens.Count; k++)
            {
                var isPrefix = pattern.LastIsPrefix && k == pattern.Tokens.Count - 1;
                var map = isPrefix ? prefix : exact;
                map.TryAdd(pattern.Tokens[k], map.Count);
            }
        }

        _exactCount = exact.Count;
        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefix = prefix.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLengths = prefix.Keys.Select(k => k.Length).Distinct().OrderDescending().ToArray();

        var builders = Themes.Select(_ => new List<TrieNode> { new() }).ToArray();
        var themeIndex = Themes.Select((theme, index) => (theme, index)).ToDictionary(t => t.theme, t => t.index, StringComparer.Ordinal);
        for (var termIndex = 0; termIndex < patterns.Length; termIndex++)
        {
            var pattern = patterns[termIndex];
            var nodes = builders[themeIndex[lexicon.Terms[termIndex].Theme]];
            var node = 0;
            for (var k = 0; k < pattern.Tokens.Count; k++)
            {
                var isPrefix = pattern.LastIsPrefix && k == pattern.Tokens.Count - 1;
                var id = isPrefix ? _exactCount + prefix[pattern.Tokens[k]] : exact[pattern.Tokens[k]];
                nodes[node].Children ??= [];
                if (!nodes[node].Children!.TryGetValue(id, out var child))
                {
                    child = nodes.Count;
                    nodes.Add(new TrieNode());
                    nodes[node].Children![id] = child;
                }

                node = child;
            }

            if (nodes[node].Term < 0)
            {
                nodes[node].Term = termIndex;
            }
        }

        _tries = builders.Select(b => b.ToArray()).ToArray();
        _exclusions = lexicon.Terms.Select(t => t.Exclusions.Select(e => TermPattern.Parse(e, lexicon.Source, t.Line)).ToArray()).ToArray();
    }

    /// <summary>The lexicon this matcher was built from.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The theme ids, in report order; <see cref="LexiconHit.Theme"/> indexes this list.</summary>
    public IReadOnlyList<string> Themes { get; }

    /// <summary>Tokenizes and matches a text (convenient; not for the hot path).</summary>
    public IReadOnlyList<LexiconHit> Match(string text, List<LexiconVeto>? vetoes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = new ReferenceScratch();
        ReferenceTokenizer.Instance.Tokenize(text, scratch.Tokens);
        var hits = new List<LexiconHit>();
        Match(scratch, hits, vetoes);
        return hits;
    }

    /// <summary>
    /// Matches the tokens already in <paramref name="scratch"/> and appends the hits to
    /// <paramref name="hits"/> in text order (by position, then theme order).
    /// </summary>
    public void Match(ReferenceScratch scratch, List<LexiconHit> hits, List<LexiconVeto>? vetoes = null)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(hits);
        var tokens = scratch.Tokens;
        var count = tokens.Count;
        scratch.Prepare(count, Themes.Count);
        var candStart = scratch.CandidateStart;
        var candCount = scratch.CandidateCount;
        var cands = scratch.Candidates;

        for (var i = 0; i < count; i++)
        {
            var key = tokens.Key(i);
            candStart[i] = cands.Count;
            if (_exact.TryGetValue(key, out var id))
            {
                cands.Add(id);
            }

            foreach (var length in _prefixLengths)
            {
                if (length <= key.Length && _prefix.TryGetValue(key[..length], out var pid))
                {
                    cands.Add(_exactCount + pid);
                }
            }

            candCount[i] = cands.Count - candStart[i];
        }

        var nextFree = scratch.NextFree;
        var candidates = scratch.Candidates;
        for (var i = 0; i < count; i++)
        {
            if (candCount[i] == 0)
            {
                continue;
            }

            for (var theme = 0; theme < _tries.Length; theme++)
            {
                if (nextFree[theme] > i)
                {
                    continue;
                }

                var best = new Best(0, -1);
                var vetoed = new Best(0, -1);
                Walk(_tries[theme], 0, i, 0, tokens, candStart, candCount, candidates, ref best, ref vetoed);
                if (vetoed.Term >= 0 && vetoed.Length > best.Length)
                {
                    vetoes?.Add(new LexiconVeto(theme, vetoed.Term, vetoed.Exclusion, tokens.Start(i), tokens.End(i + vetoed.Length - 1), i, vetoed.Length));
                }

                if (best.Term >= 0)
                {
                    hits.Add(new LexiconHit(theme, best.Term, tokens.Start(i), tokens.End(i + best.Length - 1), i, best.Length));
                    nextFree[theme] = i + best.Length;
                }
            }
        }
    }

    private void Walk(TrieNode[] nodes, int node, int position, int depth, ReferenceTokens tokens,
        int[] candStart, int[] candCount, List<int> candidates, ref Best best, ref Best vetoed)
    {
        var children = nodes[node].Children;
        if (children is null)
        {
            return;
        }

        var end = candStart[position] + candCount[position];
        for (var c = candStart[position]; c < end; c++)
        {
            if (!children.TryGetValue(candidates[c], out var child))
            {
                continue;
            }

            if (nodes[child].Term >= 0 && depth + 1 > best.Length)
            {
                var by = CoveringExclusion(nodes[child].Term, tokens, position - depth, depth + 1);
                if (by < 0)
                {
                    best = new Best(depth + 1, nodes[child].Term);
                }
                else if (depth + 1 > vetoed.Length)
                {
                    vetoed = new Best(depth + 1, nodes[child].Term, by);
                }
            }

            var next = position + 1;
            if (nodes[child].Children is not null && next < tokens.Count && candCount[next] > 0 && tokens.JoinsPrevious(next))
            {
                Walk(nodes, child, next, depth + 1, tokens, candStart, candCount, candidates, ref best, ref vetoed);
            }
        }
    }

    /// <summary>Rule 7: the index of the first exclusion of <paramref name="term"/> found around the match, or -1.</summary>
    private int CoveringExclusion(int term, ReferenceTokens tokens, int first, int length)
    {
        for (var e = 0; e < _exclusions[term].Length; e++)
        {
            var phrase = _exclusions[term][e];
            for (var start = first + length - phrase.Tokens.Count; start <= first; start++)
            {
                if (start >= 0 && start + phrase.Tokens.Count <= tokens.Count && PhraseAt(phrase, tokens, start))
                {
                    return e;
                }
            }
        }

        return -1;
    }

    private static bool PhraseAt(TermPattern phrase, ReferenceTokens tokens, int start)
    {
        for (var k = 0; k < phrase.Tokens.Count; k++)
        {
            var key = tokens.Key(start + k).ToString();
            var last = phrase.LastIsPrefix && k == phrase.Tokens.Count - 1;
            if (!(last ? key.StartsWith(phrase.Tokens[k], StringComparison.Ordinal) : key == phrase.Tokens[k]) || (k > 0 && !tokens.JoinsPrevious(start + k)))
            {
                return false;
            }
        }

        return true;
    }

    private struct Best(int length, int term, int exclusion = -1)
    {
        public int Length = length;
        public int Term = term;
        public int Exclusion = exclusion;
    }

    private sealed class TrieNode
    {
        public Dictionary<int, int>? Children;
        public int Term = -1;
    }
}
