namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The characters of a run of Chinese characters that a document read in windows cuts across
/// (<c>WindowedDocumentAnalysis</c>: one run without punctuation may be longer than any window): each
/// window adds its part of the run, and the window where the run ends counts it whole, as
/// <see cref="WordCounter"/> counts the run of a document read whole. Only the run's characters are held
/// (2 bytes a character), not the windows' tokens, hits and snippets. One per reading of a document; not
/// thread-safe.
/// </summary>
internal sealed class ChineseRunCarry
{
    /// <summary>A run's buffer up to this many characters is kept for the next run; a longer one is given up once counted.</summary>
    private const int KeptCharacters = 1 << 20;

    private char[] _characters = [];

    /// <summary>The run's characters so far.</summary>
    public ReadOnlySpan<char> Run => _characters.AsSpan(0, Length);

    /// <summary>How many characters of the run the windows so far held.</summary>
    public int Length { get; private set; }

    /// <summary>True when the window before ended inside a run, which the next window's first run continues.</summary>
    public bool IsOpen => Length > 0;

    /// <summary>Adds the next part of the run.</summary>
    public void Append(ReadOnlySpan<char> part)
    {
        if ((long)Length + part.Length > Array.MaxLength)
        {
            throw new InvalidOperationException("A run of Chinese characters is longer than an array holds.");
        }

        if (Length + part.Length > _characters.Length)
        {
            // Half again as large (not twice): a run of tens of millions of characters is held with a third of slack at most.
            var size = (int)Math.Min(Array.MaxLength, Math.Max(Length + part.Length, _characters.Length + (_characters.Length / 2L) + 256));
            var grown = new char[size];
            Run.CopyTo(grown);
            _characters = grown;
        }

        part.CopyTo(_characters.AsSpan(Length));
        Length += part.Length;
    }

    /// <summary>Empties the carry once its run is counted.</summary>
    public void Clear()
    {
        Length = 0;
        if (_characters.Length > KeptCharacters)
        {
            _characters = [];
        }
    }
}
