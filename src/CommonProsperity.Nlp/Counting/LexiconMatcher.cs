using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Finds a lexicon's terms in tokenized text by the counting rules: a term matches consecutive tokens
/// that equal its tokens (a starred last token: starts with it) with only whitespace or hyphens between
/// them; per theme, matching runs left to right and at each position the longest term (in tokens) wins
/// and uses its tokens up, so one theme's matches never overlap; themes are matched independently.
/// When two terms cover the same tokens, an exact last word wins over a prefix, and a longer prefix over
/// a shorter one. A match that one of its term's exclusions covers is vetoed: it does not count, uses no
/// tokens, and is reported apart. A line-end hyphen between letters is read both ways (joined and apart):
/// such texts are matched over the parts of their joined words, a run of parts also standing for the word.
/// Thread-safe once built; per-call state lives in a <see cref="MatchScratch"/>.
/// </summary>
/// <remarks>
/// Built for speed, since it runs on every token of every document: each token is turned into the ids
/// of the term tokens it can stand for (one hash lookup, a table lookup for one-character tokens such
/// as Chinese characters, and a prefix check only for tokens whose first characters start some
/// prefix); then one walk of a trie shared by all themes, depth first and candidates in the order
/// exact, longest prefix, shorter prefixes, finds every theme's longest term at the position. Walks
/// start only where some term may start: a Chinese character's table entry says whether terms start with
/// it, and a filter of the terms' first two tokens whether the character after it may continue one. Visiting
/// the candidates in that order is what makes an exact last word win over a prefix, and a longer
/// prefix over a shorter one, at equal length.
/// </remarks>
public sealed class LexiconMatcher
{
    private readonly TokenIdTable _exact;
    private readonly int _themeCount;
    /// <summary>A flag of <see cref="_singleCharIds"/>: some term starts with the character.</summary>
    private const int StartsTerm = int.MinValue;

    /// <summary>The size of <see cref="_secondTokens"/>, in bits (8 KB).</summary>
    private const int SecondTokenBits = 1 << 16;

    /// <summary>
    /// A filter of the pairs of term-token ids that start some term (a bit per hash of the pair; a pair
    /// that starts none may share a bit): a walk from a character whose next character's pair is not set
    /// cannot go past the first token.
    /// </summary>
    private readonly ulong[] _secondTokens;

    /// <summary>By character, the id + 1 of the one-character term token it is (0: none), with <see cref="StartsTerm"/> when some term starts with it.</summary>
    private readonly int[] _singleCharIds;
    private readonly PrefixIndex _prefixes;
    private readonly int[] _rootChild;
    private readonly TrieNode[] _nodes;
    private readonly int[] _edgeIds;
    private readonly int[] _edgeChildren;
    private readonly int[] _terminalThemes;
    private readonly int[] _terminalTerms;
    private readonly Exclusion[]?[] _exclusions;
    private readonly bool _anyExclusions;

    /// <summary>Compiles <paramref name="lexicon"/> into a token-id trie shared by its themes.</summary>
    /// <param name="lexicon">The terms to find.</param>
    /// <param name="normalize">Fold characters before matching (counting rule 1), in the terms and in every text; false matches the characters as written.</param>
    public LexiconMatcher(Lexicon lexicon, bool normalize = true)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        Lexicon = lexicon;
        Tokenizer = CountingTokenizer.For(normalize);
        Themes = lexicon.Themes;
        var exact = new Dictionary<string, int>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, int>(StringComparer.Ordinal);
        var patterns = lexicon.Terms.Select(t => TermPattern.Parse(t.Term, lexicon.Source, t.Line, Tokenizer)).ToArray();
        foreach (var pattern in patterns)
        {
            for (var k = 0; k < pattern.Tokens.Count; k++)
            {
                var map = IsPrefixToken(pattern, k) ? prefix : exact;
                map.TryAdd(pattern.Tokens[k], map.Count);
            }
        }

        _exact = new TokenIdTable(exact);
        _themeCount = Themes.Count;
        _singleCharIds = new int[char.MaxValue + 1];
        foreach (var (token, id) in exact)
        {
            if (token.Length == 1)
            {
                _singleCharIds[token[0]] = id + 1;
            }
        }

        _prefixes = new PrefixIndex(prefix.Select(p => (p.Key, exact.Count + p.Value)));

        var themeIndex = Themes.Select((theme, index) => (theme, index)).ToDictionary(t => t.theme, t => t.index, StringComparer.Ordinal);
        var builder = new TrieBuilder(exact.Count + prefix.Count);
        for (var termIndex = 0; termIndex < patterns.Length; termIndex++)
        {
            var pattern = patterns[termIndex];
            var ids = new int[pattern.Tokens.Count];
            for (var k = 0; k < ids.Length; k++)
            {
                ids[k] = IsPrefixToken(pattern, k) ? exact.Count + prefix[pattern.Tokens[k]] : exact[pattern.Tokens[k]];
            }

            builder.Add(ids, themeIndex[lexicon.Terms[termIndex].Theme], termIndex);
        }

        (_rootChild, _nodes, _edgeIds, _edgeChildren, _terminalThemes, _terminalTerms) = builder.Build();
        for (var c = 0; c < _singleCharIds.Length; c++)
        {
            if (_singleCharIds[c] > 0 && _rootChild[_singleCharIds[c] - 1] >= 0)
            {
                _singleCharIds[c] |= StartsTerm;
            }
        }

        _secondTokens = new ulong[SecondTokenBits / 64];
        for (var id = 0; id < _rootChild.Length; id++)
        {
            if (_rootChild[id] is var child and >= 0)
            {
                for (var e = _nodes[child].EdgeStart; e < _nodes[child].EdgeEnd; e++)
                {
                    var bit = SecondTokenBit(id, _edgeIds[e]);
                    _secondTokens[bit >> 6] |= 1UL << bit;
                }
            }
        }

        _exclusions = [.. lexicon.Terms.Select(t => t.Exclusions.Count == 0 ? null
            : t.Exclusions.Select(phrase => new Exclusion(TermPattern.Parse(phrase, lexicon.Source, t.Line, Tokenizer))).ToArray())];
        _anyExclusions = _exclusions.Any(e => e is not null);
        LongestPhrase = patterns.Select(p => p.Tokens.Count).Concat(_exclusions.SelectMany(e => e ?? []).Select(e => e.Tokens.Length)).DefaultIfEmpty(1).Max();
    }

    /// <summary>The most tokens of a term or an exclusion phrase (each may also stand for words joined at line-end hyphens): how far a match or a veto reaches.</summary>
    internal int LongestPhrase { get; }

    /// <summary>The lexicon this matcher was built from.</summary>
    public Lexicon Lexicon { get; }

    /// <summary>The tokenizer of the terms, by which texts must be tokenized too (folding or not).</summary>
    public CountingTokenizer Tokenizer { get; }

    /// <summary>The theme ids, in report order; <see cref="LexiconHit.Theme"/> indexes this list.</summary>
    public IReadOnlyList<string> Themes { get; }

    /// <summary>True when some term of the lexicon has exclusions.</summary>
    public bool HasExclusions => _anyExclusions;

    /// <summary>
    /// True when an exclusion phrase of some term may match (rule 4) a run of <paramref name="tokens"/> that
    /// holds both token <paramref name="gap"/> and the one after it, so that a text cut between the two
    /// could veto other matches than the whole text (a window of a large document, cut inside a sentence).
    /// Tokens on either side that were joined at a line-end hyphen (whose parts a phrase may match, rule 4)
    /// count as crossing when they are within <see cref="LongestPhrase"/> tokens of the gap. False when the
    /// lexicon has no exclusions.
    /// </summary>
    internal bool ExclusionCrosses(TokenBuffer tokens, int gap)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (!_anyExclusions || gap + 1 >= tokens.Count || !tokens.JoinsPrevious(gap + 1))
        {
            return false;
        }

        if (HasSplitNear(tokens, gap - LongestPhrase + 1, gap + LongestPhrase))
        {
            return true;
        }

        // A phrase token may also stand for tokens joined at line-end hyphens between them (BreakBefore).
        var reach = LongestPhrase * (tokens.LineEndHyphens == 0 ? 1 : 4);
        foreach (var exclusions in _exclusions)
        {
            foreach (var phrase in exclusions ?? [])
            {
                if (phrase.Tokens.Length < 2)
                {
                    continue;
                }

                for (var start = Math.Max(0, gap + 1 - reach); start <= gap; start++)
                {
                    if (phrase.Covers(tokens, start, gap + 2))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>True when a token from <paramref name="first"/> to <paramref name="last"/> was joined at a line-end hyphen (its splits are in text order).</summary>
    private static bool HasSplitNear(TokenBuffer tokens, int first, int last)
    {
        int low = 0, high = tokens.SplitCount - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            var token = tokens.SplitAt(middle).Token;
            if (token < first)
            {
                low = middle + 1;
            }
            else if (token > last)
            {
                high = middle - 1;
            }
            else
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tokenizes and matches a text (convenient; not for the hot path). When <paramref name="vetoes"/>
    /// is given, the vetoed matches are appended to it.
    /// </summary>
    public IReadOnlyList<LexiconHit> Match(string text, List<LexiconVeto>? vetoes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scratch = new MatchScratch();
        Tokenizer.Tokenize(text, scratch.Tokens);
        var hits = new List<LexiconHit>();
        Match(scratch, hits, vetoes);
        return hits;
    }

    /// <summary>
    /// Matches the tokens already in <paramref name="scratch"/> and appends the hits to
    /// <paramref name="hits"/> in text order (by position, then theme order); when
    /// <paramref name="vetoes"/> is given, appends the vetoed matches to it in the same order. A vetoed
    /// match is reported where, exclusions aside, it would have been its theme's match: the position is
    /// free for the theme and no match counts there or only a shorter one.
    /// </summary>
    internal void Match(MatchScratch scratch, List<LexiconHit> hits, List<LexiconVeto>? vetoes = null)
    {
        ArgumentNullException.ThrowIfNull(scratch);
        ArgumentNullException.ThrowIfNull(hits);
        // Line-end hyphens between letters are read both ways (rule 4): match over the parts of the
        // words they join, where a run of parts may also stand for one joined word. Rare; most texts
        // have none and are matched over their tokens as they are.
        var tokens = scratch.Tokens.LineEndHyphens == 0 ? scratch.Tokens : scratch.SplitLineEndHyphens();
        var tokenOf = tokens == scratch.Tokens ? null : scratch.PartToken;
        var count = tokens.Count;
        scratch.Prepare(count, _themeCount);
        FindCandidates(scratch, tokens);

        var state = new WalkState(scratch, tokens);
        var nextFree = scratch.NextFree;
        var bestLength = scratch.BestLength;
        var bestStamp = scratch.BestStamp;
        var anyBest = scratch.AnyBestStamp;
        var bestTerm = scratch.BestTerm;
        var vetoLength = scratch.VetoLength;
        var vetoStamp = scratch.VetoStamp;
        var anyVeto = scratch.AnyVetoStamp;
        var candStart = scratch.CandidateStart;
        var candidates = scratch.Candidates;
        var candidateSpans = scratch.CandidateSpans;
        var starts = scratch.Starts;

        // Only the tokens that some term starts with are walked from (most Chinese characters start none).
        for (var s = 0; s < scratch.StartCount; s++)
        {
            var i = starts[s];
            for (var c = candStart[i]; c < candStart[i + 1]; c++)
            {
                var child = _rootChild[candidates[c]];
                if (child >= 0)
                {
                    Visit(child, i, i + candidateSpans[c], ref state);
                }
            }

            var stamp = i + 1;
            if (anyVeto[0] == stamp && vetoes is not null)
            {
                for (var theme = 0; theme < _themeCount; theme++)
                {
                    var best = bestStamp[theme] == stamp ? bestLength[theme] : 0;
                    if (vetoStamp[theme] == stamp && vetoLength[theme] > best && nextFree[theme] <= i)
                    {
                        var vetoed = vetoLength[theme];
                        var (first, covered) = TokenRange(tokenOf, i, vetoed);
                        vetoes.Add(new LexiconVeto(theme, scratch.VetoTerm[theme], scratch.VetoExclusion[theme], tokens.Start(i), tokens.End(i + vetoed - 1), first, covered));
                    }
                }
            }

            if (anyBest[0] != stamp)
            {
                continue; // no term ends on a walk from here
            }

            for (var theme = 0; theme < _themeCount; theme++)
            {
                if (bestStamp[theme] == stamp && nextFree[theme] <= i)
                {
                    var length = bestLength[theme];
                    var (first, covered) = TokenRange(tokenOf, i, length);
                    hits.Add(new LexiconHit(theme, bestTerm[theme], tokens.Start(i), tokens.End(i + length - 1), first, covered));
                    nextFree[theme] = i + length;
                }
            }
        }
    }

    private static bool IsPrefixToken(TermPattern pattern, int k) => pattern.LastIsPrefix && k == pattern.Tokens.Count - 1;

    /// <summary>The document tokens that <paramref name="length"/> matched parts from <paramref name="part"/> cover (the same numbers without line-end hyphens).</summary>
    private static (int First, int Count) TokenRange(int[]? tokenOf, int part, int length) =>
        tokenOf is null ? (part, length) : (tokenOf[part], tokenOf[part + length - 1] - tokenOf[part] + 1);

    /// <summary>
    /// For every token, the ids of the term tokens it can stand for: exact first, then prefixes, longest
    /// first; then, where line-end hyphens link it to the tokens after it, the same for the words they
    /// join (two parts, then three, ...), each with the number of tokens it spans.
    /// </summary>
    private void FindCandidates(MatchScratch scratch, TokenBuffer tokens)
    {
        var count = tokens.Count;
        var candStart = scratch.CandidateStart;
        var singleCharIds = _singleCharIds;
        var rootChild = _rootChild;
        var nodes = _nodes;
        var secondTokens = _secondTokens;
        var prefixHead = _prefixes.HeadLength;
        var starts = scratch.Starts;
        var startCount = 0;
        scratch.EnsureCandidates(count);
        var candidates = scratch.Candidates;
        var spans = scratch.CandidateSpans;
        var found = 0;

        // A one-character token that starts terms but no term of one token (most Chinese characters that
        // start a term) becomes a start only if the token after it joins it and the pair may start a term.
        var pending = -1;
        var pendingId = 0;
        for (var i = 0; i < count; i++)
        {
            candStart[i] = found;
            var key = tokens.Key(i);
            var joined = i + 1 < count && tokens.BreakBefore(i + 1);
            if (key.Length == 1 && prefixHead != 1 && !joined)
            {
                // A Chinese character (or any one-character token that starts no prefix and no joined word):
                // one table read tells its candidate and whether a walk starts at it, in room made beforehand.
                var packed = singleCharIds[key[0]];
                var id = (packed & ~StartsTerm) - 1;
                if (pending >= 0)
                {
                    if (id >= 0 && tokens.JoinsPrevious(i) && (secondTokens[SecondTokenBit(pendingId, id) >> 6] & (1UL << SecondTokenBit(pendingId, id))) != 0)
                    {
                        starts[startCount++] = pending;
                    }

                    pending = -1;
                }

                if (packed != 0)
                {
                    candidates[found] = id;
                    spans[found++] = 1;
                    if (packed < 0)
                    {
                        ref readonly var node = ref nodes[rootChild[id]];
                        if (node.TerminalStart != node.TerminalEnd)
                        {
                            starts[startCount++] = i;
                        }
                        else
                        {
                            (pending, pendingId) = (i, id);
                        }
                    }
                }

                continue;
            }

            if (pending >= 0)
            {
                // The walk from the token before may go on with this token's other candidates: kept.
                starts[startCount++] = pending;
                pending = -1;
            }

            scratch.CandidateCount = found;
            if (key.Length == 1)
            {
                var id = (singleCharIds[key[0]] & ~StartsTerm) - 1;
                if (id >= 0)
                {
                    scratch.AddCandidate(id);
                }
            }
            else if (_exact.Find(key, tokens.KeyHash(i)) is var id and >= 0)
            {
                scratch.AddCandidate(id);
            }

            if (prefixHead > 0 && key.Length >= prefixHead)
            {
                _prefixes.Find(key, scratch, 1);
            }

            if (joined)
            {
                AddJoinedCandidates(scratch, tokens, i);
            }

            // Room for the rest of the tokens' one candidate each, as the fast path above needs.
            scratch.EnsureCandidates(count - i - 1);
            candidates = scratch.Candidates;
            spans = scratch.CandidateSpans;
            var first = found;
            found = scratch.CandidateCount;
            for (var c = first; c < found; c++)
            {
                if (rootChild[candidates[c]] >= 0)
                {
                    starts[startCount++] = i;
                    break;
                }
            }
        }

        candStart[count] = found;
        scratch.CandidateCount = found;
        scratch.StartCount = startCount;
    }

    /// <summary>The bit of <see cref="_secondTokens"/> for a term's first two token ids.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SecondTokenBit(int first, int second) => (int)((uint)((first * 0x9E3779B1) ^ second) * 0x85EBCA6Bu >> 16);

    /// <summary>The candidates of the words that line-end hyphens join, starting at part <paramref name="i"/> (a line-end hyphen follows it).</summary>
    private void AddJoinedCandidates(MatchScratch scratch, TokenBuffer tokens, int i)
    {
        for (var j = i + 1; j < tokens.Count && tokens.BreakBefore(j); j++)
        {
            var joined = tokens.Keys(i, j + 1); // the keys of consecutive tokens are stored one after another
            var span = j - i + 1;
            if (_exact.Find(joined) is var id and >= 0)
            {
                scratch.AddCandidate(id, span);
            }

            _prefixes.Find(joined, scratch, span);
        }
    }

    /// <summary>Enters <paramref name="node"/>, having matched the tokens from <paramref name="start"/> to just before <paramref name="next"/>.</summary>
    private void Visit(int node, int start, int next, ref WalkState state)
    {
        ref readonly var entered = ref _nodes[node];
        var depth = next - start;
        for (var k = entered.TerminalStart; k < entered.TerminalEnd; k++)
        {
            var theme = _terminalThemes[k];
            var stamp = start + 1;
            if (state.BestStamp[theme] != stamp || depth > state.BestLength[theme])
            {
                var term = _terminalTerms[k];
                if (_exclusions[term] is { } exclusions && Vetoing(exclusions, state.Tokens, start, depth, state.LongestRun) is var exclusion and >= 0)
                {
                    if (state.VetoStamp[theme] != stamp || depth > state.VetoLength[theme])
                    {
                        state.VetoStamp[theme] = stamp;
                        state.AnyVetoStamp[0] = stamp;
                        state.VetoLength[theme] = depth;
                        state.VetoTerm[theme] = term;
                        state.VetoExclusion[theme] = exclusion;
                    }
                }
                else
                {
                    state.BestStamp[theme] = stamp;
                    state.AnyBestStamp[0] = stamp;
                    state.BestLength[theme] = depth;
                    state.BestTerm[theme] = term;
                }
            }
        }

        if (entered.EdgeStart == entered.EdgeEnd || next >= state.Tokens.Count || !state.Tokens.JoinsPrevious(next))
        {
            return;
        }

        for (var c = state.CandidateStart[next]; c < state.CandidateStart[next + 1]; c++)
        {
            var id = state.Candidates[c];
            for (var e = entered.EdgeStart; e < entered.EdgeEnd; e++)
            {
                if (_edgeIds[e] == id)
                {
                    Visit(_edgeChildren[e], start, next + state.CandidateSpans[c], ref state);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The index of the first of <paramref name="exclusions"/> that matches (rule 4) a run of tokens
    /// containing the <paramref name="length"/> tokens from <paramref name="first"/>, or -1. A phrase
    /// token stands for one token, or for up to <paramref name="longestRun"/> joined at line-end hyphens.
    /// </summary>
    private static int Vetoing(Exclusion[] exclusions, TokenBuffer tokens, int first, int length, int longestRun)
    {
        for (var e = 0; e < exclusions.Length; e++)
        {
            var phrase = exclusions[e];
            var size = phrase.Tokens.Length;
            var last = Math.Min(first, tokens.Count - size);
            for (var start = Math.Max(0, first + length - (size * longestRun)); start <= last; start++)
            {
                if (phrase.Covers(tokens, start, first + length))
                {
                    return e;
                }
            }
        }

        return -1;
    }

    /// <summary>The arrays a walk reads and writes, gathered so the recursion passes one reference.</summary>
    private readonly ref struct WalkState(MatchScratch scratch, TokenBuffer tokens)
    {
        public readonly TokenBuffer Tokens = tokens;
        public readonly int LongestRun = tokens == scratch.Tokens ? 1 : scratch.LongestRun;
        public readonly int[] CandidateStart = scratch.CandidateStart;
        public readonly int[] Candidates = scratch.Candidates;
        public readonly int[] CandidateSpans = scratch.CandidateSpans;
        public readonly int[] BestLength = scratch.BestLength;
        public readonly int[] BestStamp = scratch.BestStamp;
        public readonly int[] AnyBestStamp = scratch.AnyBestStamp;
        public readonly int[] BestTerm = scratch.BestTerm;
        public readonly int[] VetoStamp = scratch.VetoStamp;
        public readonly int[] AnyVetoStamp = scratch.AnyVetoStamp;
        public readonly int[] VetoLength = scratch.VetoLength;
        public readonly int[] VetoTerm = scratch.VetoTerm;
        public readonly int[] VetoExclusion = scratch.VetoExclusion;
    }

    /// <summary>An exclusion phrase, as tokens (the last one a prefix when it ended in <c>*</c>).</summary>
    private sealed class Exclusion(TermPattern pattern)
    {
        public string[] Tokens { get; } = [.. pattern.Tokens];

        private bool LastIsPrefix { get; } = pattern.LastIsPrefix;

        /// <summary>
        /// Rule 4 at <paramref name="start"/>: equal tokens (a starred last one: starts with), joined by
        /// whitespace or hyphens only, a phrase token also standing for tokens joined at line-end hyphens;
        /// true when some such match ends at or after <paramref name="reach"/>.
        /// </summary>
        public bool Covers(TokenBuffer tokens, int start, int reach) => From(tokens, 0, start, reach);

        private bool From(TokenBuffer tokens, int k, int at, int reach)
        {
            if (k == Tokens.Length)
            {
                return at >= reach;
            }

            if (at >= tokens.Count || (k > 0 && !tokens.JoinsPrevious(at)))
            {
                return false;
            }

            if (Equal(k, tokens.Key(at)) && From(tokens, k + 1, at + 1, reach))
            {
                return true;
            }

            if (tokens.LineEndHyphens == 0)
            {
                return false;
            }

            for (var next = at + 1; next < tokens.Count && tokens.BreakBefore(next); next++)
            {
                // The keys of consecutive tokens are stored one after another: the joined word without a copy.
                if (Equal(k, tokens.Keys(at, next + 1)) && From(tokens, k + 1, next + 1, reach))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Equal(int k, ReadOnlySpan<char> key) =>
            LastIsPrefix && k == Tokens.Length - 1 ? key.StartsWith(Tokens[k], StringComparison.Ordinal) : key.SequenceEqual(Tokens[k]);
    }

    /// <summary>A trie node: its outgoing edges and the (theme, term) pairs of the terms that end here, as ranges of shared arrays.</summary>
    private readonly record struct TrieNode(int EdgeStart, int EdgeEnd, int TerminalStart, int TerminalEnd);

    /// <summary>Builds the trie with dictionaries, then freezes it into flat arrays.</summary>
    private sealed class TrieBuilder(int tokenIds)
    {
        private readonly List<Dictionary<int, int>> _children = [new()];
        private readonly List<List<(int Theme, int Term)>> _terminals = [[]];

        public void Add(int[] ids, int theme, int term)
        {
            var node = 0;
            foreach (var id in ids)
            {
                if (!_children[node].TryGetValue(id, out var child))
                {
                    child = _children.Count;
                    _children.Add([]);
                    _terminals.Add([]);
                    _children[node][id] = child;
                }

                node = child;
            }

            // The first term of a theme with these tokens counts for it (as in file order).
            if (!_terminals[node].Exists(t => t.Theme == theme))
            {
                _terminals[node].Add((theme, term));
            }
        }

        public (int[] Root, TrieNode[] Nodes, int[] EdgeIds, int[] EdgeChildren, int[] TerminalThemes, int[] TerminalTerms) Build()
        {
            var root = new int[tokenIds];
            Array.Fill(root, -1);
            foreach (var (id, child) in _children[0])
            {
                root[id] = child;
            }

            var nodes = new TrieNode[_children.Count];
            var edgeIds = new List<int>();
            var edgeChildren = new List<int>();
            var terminalThemes = new List<int>();
            var terminalTerms = new List<int>();
            for (var n = 0; n < nodes.Length; n++)
            {
                var edgeStart = edgeIds.Count;
                if (n > 0)
                {
                    foreach (var (id, child) in _children[n])
                    {
                        edgeIds.Add(id);
                        edgeChildren.Add(child);
                    }
                }

                var terminalStart = terminalThemes.Count;
                foreach (var (theme, term) in _terminals[n])
                {
                    terminalThemes.Add(theme);
                    terminalTerms.Add(term);
                }

                nodes[n] = new TrieNode(edgeStart, edgeIds.Count, terminalStart, terminalThemes.Count);
            }

            return (root, nodes, [.. edgeIds], [.. edgeChildren], [.. terminalThemes], [.. terminalTerms]);
        }
    }

    /// <summary>
    /// The prefix (starred) term tokens, grouped by a hash of their first characters (the head) into the
    /// buckets of a small table, so that the many tokens that start no prefix are turned away with one probe
    /// and the others compare only the prefixes of their bucket. A token's first four characters are read
    /// once as one number (its lead): the head is hashed from it, and each prefix of the bucket compares its
    /// own lead first (which turns away the bucket's other heads), then the rest of its characters.
    /// </summary>
    private sealed class PrefixIndex
    {
        private const int BucketBits = 12;
        private readonly int _headLength;
        private readonly int _shortestKey; // the head length, or int.MaxValue without prefixes: shorter keys start none
        private readonly ulong _headMask;
        private readonly int[] _bucketStart = new int[(1 << BucketBits) + 1];
        private readonly string[] _prefixes;
        private readonly int[] _ids;

        /// <summary>Per prefix, its <see cref="Lead"/> and the bits of it that its characters fill.</summary>
        private readonly ulong[] _leads;
        private readonly ulong[] _leadMasks;

        public PrefixIndex(IEnumerable<(string Prefix, int Id)> prefixes)
        {
            var all = prefixes.ToList();
            _headLength = all.Count == 0 ? 0 : Math.Min(3, all.Min(p => p.Prefix.Length));
            _shortestKey = all.Count == 0 ? int.MaxValue : _headLength;
            _headMask = LeadMask(_headLength);

            // Bucket by bucket, longest first (stable, so equal lengths keep their order): the prefixes of one
            // head come out longest first, as the matcher needs them.
            var ordered = all
                .Select(p => (p.Prefix, p.Id, Bucket: Bucket(Lead(p.Prefix) & _headMask)))
                .OrderBy(p => p.Bucket)
                .ThenByDescending(p => p.Prefix.Length)
                .ToArray();
            _prefixes = [.. ordered.Select(p => p.Prefix)];
            _ids = [.. ordered.Select(p => p.Id)];
            _leads = [.. _prefixes.Select(p => Lead(p))];
            _leadMasks = [.. _prefixes.Select(p => LeadMask(p.Length))];
            var at = 0;
            for (var bucket = 0; bucket <= 1 << BucketBits; bucket++)
            {
                while (at < ordered.Length && ordered[at].Bucket < bucket)
                {
                    at++;
                }

                _bucketStart[bucket] = at;
            }
        }

        /// <summary>How many first characters the prefixes are bucketed by (0: no prefixes); a shorter key starts none.</summary>
        public int HeadLength => _headLength;

        /// <summary>Adds the ids of the prefixes <paramref name="key"/> starts with, longest first, each spanning <paramref name="span"/> tokens.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Find(ReadOnlySpan<char> key, MatchScratch scratch, int span)
        {
            if (key.Length < _shortestKey)
            {
                return;
            }

            var lead = Lead(key);
            var bucket = Bucket(lead & _headMask);
            var first = _bucketStart[bucket];
            var end = _bucketStart[bucket + 1];
            if (first != end)
            {
                AddStarted(key, lead, first, end, scratch, span);
            }
        }

        /// <summary>Adds the ids of the prefixes from <paramref name="first"/> to before <paramref name="end"/> (one bucket) that <paramref name="key"/> starts with.</summary>
        private void AddStarted(ReadOnlySpan<char> key, ulong lead, int first, int end, MatchScratch scratch, int span)
        {
            for (var p = first; p < end; p++)
            {
                if ((lead & _leadMasks[p]) == _leads[p])
                {
                    var prefix = _prefixes[p];
                    if (prefix.Length <= key.Length && (prefix.Length <= 4 || key[4..prefix.Length].SequenceEqual(prefix.AsSpan(4))))
                    {
                        scratch.AddCandidate(_ids[p], span);
                    }
                }
            }
        }

        /// <summary>The first four characters of <paramref name="text"/> as one number, the first in the low bits (fewer when it is shorter, the rest zero).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Lead(ReadOnlySpan<char> text)
        {
            if (BitConverter.IsLittleEndian && text.Length >= 4)
            {
                return MemoryMarshal.Read<ulong>(MemoryMarshal.AsBytes(text)); // the first character in the low bits, as below
            }

            ulong lead = 0;
            for (var k = 0; k < text.Length; k++)
            {
                lead |= (ulong)text[k] << (16 * k);
            }

            return lead;
        }

        /// <summary>The bits of a <see cref="Lead"/> that <paramref name="length"/> characters fill.</summary>
        private static ulong LeadMask(int length) => length >= 4 ? ulong.MaxValue : (1UL << (16 * length)) - 1;

        /// <summary>The bucket of a head (a lead cut to the head's characters).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Bucket(ulong head) => (int)((head * 0x9E3779B97F4A7C15) >> (64 - BucketBits));
    }
}
