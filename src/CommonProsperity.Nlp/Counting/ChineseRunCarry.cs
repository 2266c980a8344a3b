using System.Globalization;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The characters of a run of Chinese characters that a document read in windows cuts across
/// (<c>WindowedDocumentAnalysis</c>: one run without punctuation may be longer than any window): each
/// window adds its part of the run, and the window where the run ends counts it whole, as
/// <see cref="WordCounter"/> counts the run of a document read whole. Only the run's characters are held,
/// not the windows' tokens, hits and snippets: in memory up to <paramref name="inMemoryCharacters"/>, beyond
/// that in a temporary file (<see cref="SpooledText"/>), read back into an array of exactly the run's length
/// when the run is counted (2 bytes a character, and no arrays outgrown on the way). One per reading of a
/// document; not thread-safe.
/// </summary>
/// <param name="document">The document's id, for the message when the temporary file cannot be used or the run is too long.</param>
/// <param name="inMemoryCharacters">The longest run held in memory while it grows (tests use a few characters).</param>
/// <param name="maxCharacters">The longest run counted: <see cref="Array.MaxLength"/>, the most characters one array holds (tests use a few dozen).</param>
internal sealed class ChineseRunCarry(string document, int inMemoryCharacters = ChineseRunCarry.DefaultInMemoryCharacters, int maxCharacters = 0) : IDisposable
{
    /// <summary>A run held in memory while it grows: up to 1 Mi characters (2 MiB), the size of a window.</summary>
    public const int DefaultInMemoryCharacters = 1 << 20;

    private readonly int _maxCharacters = maxCharacters > 0 ? maxCharacters : Array.MaxLength;
    private char[] _characters = [];
    private SpooledText? _spilled;

    /// <summary>Makes the temporary file a run goes to past <c>inMemoryCharacters</c> (tests give one they can damage); by default one in the system's temporary folder.</summary>
    internal Func<SpooledText> Spool { get; init; } = () => new SpooledText(null, document);

    /// <summary>How many characters of the run the windows so far held.</summary>
    public int Length { get; private set; }

    /// <summary>True when the window before ended inside a run, which the next window's first run continues.</summary>
    public bool IsOpen => Length > 0;

    /// <summary>Adds the next part of the run.</summary>
    /// <exception cref="InputException">
    /// The temporary file cannot be created or written (the system's temporary folder is missing or full): the
    /// message names the folder; or the run grows longer than the most characters counted as one run.
    /// </exception>
    public void Append(ReadOnlySpan<char> part)
    {
        if ((long)Length + part.Length > _maxCharacters)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"a run of Chinese characters without punctuation, a space or a line break is longer than {_maxCharacters:N0} characters, more than can be counted as one run (its words are found in the whole run at once); the document was not analysed."),
                document, fix: "Add punctuation or line breaks to that run (text this long without them is probably generated or damaged), or split the file into smaller files, then run again.");
        }

        if (_spilled is null && Length + part.Length > inMemoryCharacters)
        {
            _spilled = Spool();
            _spilled.Append(_characters.AsSpan(0, Length));
            _characters = [];
        }

        if (_spilled is not null)
        {
            _spilled.Append(part);
            Length += part.Length;
            return;
        }

        if (Length + part.Length > _characters.Length)
        {
            var grown = new char[Math.Min(inMemoryCharacters, Math.Max(Length + part.Length, (_characters.Length * 2) + 256))];
            _characters.AsSpan(0, Length).CopyTo(grown);
            _characters = grown;
        }

        part.CopyTo(_characters.AsSpan(Length));
        Length += part.Length;
    }

    /// <summary>The run's characters so far (read back from the temporary file when it went there).</summary>
    /// <exception cref="InputException">The temporary file cannot be read back: the message names the temporary folder, not the document's file (<see cref="SpooledText.Open"/>).</exception>
    public ReadOnlySpan<char> Run()
    {
        if (_spilled is not null)
        {
            var run = GC.AllocateUninitializedArray<char>(Length);
            using (var reader = _spilled.Open())
            {
                // The array overload: TextReader.ReadBlock(Span<char>) would rent a pooled array as long as the run and copy it.
                // The reader fails (naming the temporary folder) rather than stop short of the characters written.
                if (reader.ReadBlock(run, 0, run.Length) != Length)
                {
                    throw new InvalidOperationException("A carried run's temporary file held fewer characters than were written to it.");
                }
            }

            _spilled.Dispose();
            _spilled = null;
            _characters = run;
        }

        return _characters.AsSpan(0, Length);
    }

    /// <summary>Empties the carry once its run is counted (a run longer than a window gives its memory up).</summary>
    public void Clear()
    {
        Length = 0;
        _spilled?.Dispose();
        _spilled = null;
        if (_characters.Length > inMemoryCharacters)
        {
            _characters = [];
        }
    }

    /// <inheritdoc />
    public void Dispose() => Clear();
}
