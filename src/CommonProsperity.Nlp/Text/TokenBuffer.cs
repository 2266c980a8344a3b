using System.Runtime.CompilerServices;

namespace CommonProsperity.Nlp.Text;

/// <summary>
/// The tokens of one text in flat arrays, reused from document to document so that the hot path
/// allocates nothing per token. Keys (normalised token texts) live side by side in one char array.
/// </summary>
internal sealed class TokenBuffer
{
    private Entry[] _tokens = new Entry[1024];
    private char[] _keys = new char[8192];
    private int _keyLength;
    private int _breakAt = -1;
    private Split[] _splits = new Split[16];

    /// <summary>
    /// How many line-end hyphens between letters the text holds (counting rule 4: both readings): inside
    /// joined tokens (<see cref="SplitAt"/>) and between tokens (<see cref="BreakBefore"/>). Zero for most texts.
    /// </summary>
    internal int LineEndHyphens { get; private set; }

    /// <summary>How many of those are inside joined tokens.</summary>
    internal int SplitCount { get; private set; }

    private const int KeySlack = 32;

    private char[] _folded = [];

    /// <summary>The number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>Offset of the first character of token <paramref name="i"/>.</summary>
    public int Start(int i) => _tokens[i].Start;

    /// <summary>Offset just past the last character of token <paramref name="i"/>.</summary>
    public int End(int i) => _tokens[i].End;

    /// <summary>True when token <paramref name="i"/> may continue a phrase begun by token <c>i - 1</c>.</summary>
    public bool JoinsPrevious(int i) => _tokens[i].JoinsPrevious;

    /// <summary>True when a line-end hyphen between letters stands right before token <paramref name="i"/> (the word was not joined, so it may also be read joined).</summary>
    internal bool BreakBefore(int i) => _tokens[i].BreakBefore;

    /// <summary>
    /// The <paramref name="n"/>-th line-end hyphen inside a joined token, in text order: the token, where in
    /// its key the second part starts, where the first part ends and where the second starts in the text.
    /// </summary>
    internal Split SplitAt(int n) => _splits[n];

    /// <summary>The <see cref="TokenKeyHash"/> of token <paramref name="i"/>'s key, computed as the token was added.</summary>
    internal uint KeyHash(int i) => _tokens[i].Hash;

    /// <summary>The normalised text of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Key(int i)
    {
        ref readonly var token = ref _tokens[i];
        return _keys.AsSpan(token.KeyStart, token.KeyLength);
    }

    /// <summary>The keys of tokens <paramref name="first"/> to just before <paramref name="end"/>, one after another (they are stored so).</summary>
    internal ReadOnlySpan<char> Keys(int first, int end)
    {
        if (end <= first)
        {
            return [];
        }

        var from = _tokens[first].KeyStart;
        ref readonly var last = ref _tokens[end - 1];
        return _keys.AsSpan(from, last.KeyStart + last.KeyLength - from);
    }

    /// <summary>Copies the tokens out as records (for tests and callers off the hot path).</summary>
    public IReadOnlyList<Token> ToList()
    {
        var list = new Token[Count];
        for (var i = 0; i < Count; i++)
        {
            list[i] = new Token(new string(Key(i)), Start(i), End(i), JoinsPrevious(i));
        }

        return list;
    }

    /// <summary>The total length of the keys.</summary>
    internal int KeyLength => _keyLength;

    /// <summary>Empties the buffer and makes room for the keys of a text of <paramref name="textLength"/> characters (a key is never longer than its text).</summary>
    internal void Reset(int textLength)
    {
        Count = 0;
        _keyLength = 0;
        _breakAt = -1;
        LineEndHyphens = 0;
        SplitCount = 0;
        // A key is never longer than its text; the slack lets the tokenizer copy keys a vector at a time.
        if (_keys.Length < textLength + KeySlack)
        {
            _keys = new char[Math.Max(textLength + KeySlack, _keys.Length * 2)];
        }
    }

    /// <summary>Where the folded copy of a text goes (<see cref="CharFold.Apply"/>), reused like the rest.</summary>
    internal ref char[] FoldBuffer => ref _folded;

    /// <summary>Where the next token's key goes: write it here, then <see cref="Add"/> the token.</summary>
    internal Span<char> KeySpace => _keys.AsSpan(_keyLength);

    /// <summary>Adds a token whose key is the first <paramref name="keyLength"/> characters of <see cref="KeySpace"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(int start, int end, bool joinsPrevious, int keyLength)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Count * 2);
        }

        var hash = TokenKeyHash.Of(_keys.AsSpan(_keyLength, keyLength));
        _tokens[Count++] = new Entry(start, end, _keyLength, keyLength, hash, joinsPrevious, start == _breakAt);
        _keyLength += keyLength;
    }

    /// <summary>Adds a token of one character, <paramref name="key"/> (the common case of Chinese text: a Han character in the Basic Multilingual Plane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddCharacter(int start, bool joinsPrevious, char key)
    {
        if (Count == _tokens.Length)
        {
            Array.Resize(ref _tokens, Count * 2);
        }

        _keys[_keyLength] = key;
        _tokens[Count++] = new Entry(start, start + 1, _keyLength, 1, key, joinsPrevious, start == _breakAt);
        _keyLength++;
    }

    /// <summary>
    /// Fills this buffer with the tokens of <paramref name="source"/>, each token joined at line-end hyphens
    /// split into its parts (each part after the first joins the one before and follows a line-end hyphen);
    /// <paramref name="partToken"/> (at least <c>Count + SplitCount</c> of the source long) gets, per part,
    /// the index of its token. Returns the most parts that line-end hyphens link into one run. The parts'
    /// keys are the source's keys, in the same places, so the tokens between joined ones are copied whole.
    /// </summary>
    internal int SplitFrom(TokenBuffer source, int[] partToken)
    {
        Reset(source._keyLength);
        source._keys.AsSpan(0, source._keyLength).CopyTo(_keys);
        _keyLength = source._keyLength;
        var needed = source.Count + source.SplitCount;
        if (_tokens.Length < needed)
        {
            _tokens = new Entry[Math.Max(needed, _tokens.Length * 2)];
        }

        var tokens = source._tokens;
        var parts = _tokens;
        var p = 0;
        var n = 0;
        var t = 0;
        while (t < source.Count)
        {
            // The tokens up to the next joined one are copied as they are, together.
            var next = n < source.SplitCount ? Math.Min(source._splits[n].Token, source.Count) : source.Count;
            tokens.AsSpan(t, next - t).CopyTo(parts.AsSpan(p));
            for (; t < next; t++)
            {
                partToken[p++] = t;
            }

            if (t == source.Count)
            {
                break;
            }

            ref readonly var token = ref tokens[t];
            var (start, joins, afterBreak, from) = (token.Start, token.JoinsPrevious, token.BreakBefore, 0);
            for (; n < source.SplitCount && source._splits[n].Token == t; n++)
            {
                var split = source._splits[n];
                partToken[p] = t;
                parts[p++] = Part(token.KeyStart + from, split.KeyOffset - from, start, split.PartEnd, joins, afterBreak);
                (from, start, joins, afterBreak) = (split.KeyOffset, split.NextStart, true, true);
            }

            partToken[p] = t;
            parts[p++] = Part(token.KeyStart + from, token.KeyLength - from, start, token.End, joins, afterBreak);
            t++;
        }

        Count = p;
        var longest = 1;
        var run = 1;
        for (var i = 0; i < p; i++)
        {
            if (parts[i].BreakBefore)
            {
                LineEndHyphens++;
                run = i == 0 ? 1 : run + 1;
                longest = Math.Max(longest, run);
            }
            else
            {
                run = 1;
            }
        }

        return longest;
    }

    private Entry Part(int keyStart, int keyLength, int start, int end, bool joinsPrevious, bool breakBefore) =>
        new(start, end, keyStart, keyLength, TokenKeyHash.Of(_keys.AsSpan(keyStart, keyLength)), joinsPrevious, breakBefore);

    /// <summary>Notes a line-end hyphen between letters that did not join a word: the token starting at <paramref name="nextStart"/> follows it.</summary>
    internal void MarkBreak(int nextStart)
    {
        _breakAt = nextStart;
        LineEndHyphens++;
    }

    /// <summary>Notes a line-end hyphen inside the token being read (the next one added): its key so far is <paramref name="keyOffset"/> long.</summary>
    internal void MarkSplit(int keyOffset, int partEnd, int nextStart)
    {
        if (SplitCount == _splits.Length)
        {
            Array.Resize(ref _splits, SplitCount * 2);
        }

        _splits[SplitCount++] = new Split(Count, keyOffset, partEnd, nextStart);
        LineEndHyphens++;
    }

    /// <summary>A line-end hyphen inside a joined token (see <see cref="SplitAt"/>).</summary>
    internal readonly record struct Split(int Token, int KeyOffset, int PartEnd, int NextStart);

    /// <summary>
    /// One token in 20 bytes (a Chinese text has a token per character, so the size counts): the two flags
    /// share a word with the key's length, which is below 2^30 since no string is longer.
    /// </summary>
    private readonly struct Entry(int start, int end, int keyStart, int keyLength, uint hash, bool joinsPrevious, bool breakBefore)
    {
        private const int JoinsBit = 1 << 30;
        private const int BreakBit = 1 << 31;
        private readonly int _lengthAndFlags = keyLength | (joinsPrevious ? JoinsBit : 0) | (breakBefore ? BreakBit : 0);

        public int Start { get; } = start;

        public int End { get; } = end;

        public int KeyStart { get; } = keyStart;

        public uint Hash { get; } = hash;

        public int KeyLength => _lengthAndFlags & (JoinsBit - 1);

        public bool JoinsPrevious => (_lengthAndFlags & JoinsBit) != 0;

        public bool BreakBefore => _lengthAndFlags < 0;
    }
}
