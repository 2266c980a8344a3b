using CommonProsperity.Nlp.Tokenization;

namespace CommonProsperity.Nlp.Tests.Support.Reference;

/// <summary>
/// The token buffer as first written, for <see cref="ReferenceTokenizer"/> and <see cref="ReferenceMatcher"/>.
/// The tokens of one text in flat arrays, reused from document to document so that the hot path
/// allocates nothing per token. Keys (normalised token texts) live side by side in one char array.
/// </summary>
internal sealed class ReferenceTokens
{
    private int[] _starts = new int[1024];
    private int[] _ends = new int[1024];
    private int[] _keyStarts = new int[1024];
    private int[] _keyLengths = new int[1024];
    private bool[] _joins = new bool[1024];
    private char[] _keys = new char[8192];
    private int _keyLength;

    /// <summary>The number of tokens.</summary>
    public int Count { get; private set; }

    /// <summary>Offset of the first character of token <paramref name="i"/>.</summary>
    public int Start(int i) => _starts[i];

    /// <summary>Offset just past the last character of token <paramref name="i"/>.</summary>
    public int End(int i) => _ends[i];

    /// <summary>True when token <paramref name="i"/> may continue a phrase begun by token <c>i - 1</c>.</summary>
    public bool JoinsPrevious(int i) => _joins[i];

    /// <summary>The normalised text of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<char> Key(int i) => _keys.AsSpan(_keyStarts[i], _keyLengths[i]);

    /// <summary>Copies the tokens out as records (for tests and callers off the hot path).</summary>
    public IReadOnlyList<Token> ToList()
    {
        var list = new Token[Count];
        for (var i = 0; i < Count; i++)
        {
            list[i] = new Token(new string(Key(i)), _starts[i], _ends[i], _joins[i]);
        }

        return list;
    }

    internal void Clear()
    {
        Count = 0;
        _keyLength = 0;
    }

    /// <summary>Starts a token; its key characters follow through <see cref="AppendKey(char)"/>.</summary>
    internal void Begin(int start, bool joinsPrevious)
    {
        if (Count == _starts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _starts, size);
            Array.Resize(ref _ends, size);
            Array.Resize(ref _keyStarts, size);
            Array.Resize(ref _keyLengths, size);
            Array.Resize(ref _joins, size);
        }

        _starts[Count] = start;
        _joins[Count] = joinsPrevious;
        _keyStarts[Count] = _keyLength;
    }

    internal void AppendKey(char c)
    {
        if (_keyLength == _keys.Length)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[_keyLength++] = c;
    }

    internal void Finish(int end)
    {
        _ends[Count] = end;
        _keyLengths[Count] = _keyLength - _keyStarts[Count];
        Count++;
    }
}
