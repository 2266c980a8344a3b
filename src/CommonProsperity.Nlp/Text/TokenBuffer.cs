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

    private char[] _folded = [];

    /// <summary>The number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>Offset of the first character of token <paramref name="i"/>.</summary>
    public int Start(int i) => _tokens[i].Start;

    /// <summary>Offset just past the last character of token <paramref name="i"/>.</summary>
    public int End(int i) => _tokens[i].End;

    /// <summary>True when token <paramref name="i"/> may continue a phrase begun by token <c>i - 1</c>.</summary>
    public bool JoinsPrevious(int i) => _tokens[i].JoinsPrevious;

    /// <summary>The normalised text of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Key(int i)
    {
        ref readonly var token = ref _tokens[i];
        return _keys.AsSpan(token.KeyStart, token.KeyLength);
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

    /// <summary>Empties the buffer and makes room for the keys of a text of <paramref name="textLength"/> characters (a key is never longer than its text).</summary>
    internal void Reset(int textLength)
    {
        Count = 0;
        _keyLength = 0;
        if (_keys.Length < textLength)
        {
            _keys = new char[Math.Max(textLength, _keys.Length * 2)];
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

        _tokens[Count++] = new Entry(start, end, _keyLength, keyLength, joinsPrevious);
        _keyLength += keyLength;
    }

    private readonly record struct Entry(int Start, int End, int KeyStart, int KeyLength, bool JoinsPrevious);
}
