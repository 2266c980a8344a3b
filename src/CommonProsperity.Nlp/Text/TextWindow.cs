using System.Globalization;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Text;

/// <summary>
/// The characters of a text too large to hold, read into one buffer as the window readers ask for them
/// (<c>SentenceWindows</c> for classify, <c>WindowedDocumentAnalysis</c> for analyze): the part of the
/// text from <see cref="Start"/> on, <see cref="Filled"/> characters of it, the text's offsets checked to
/// fit the reports' and a stretch without a place to cut stopped at <see cref="MaxCharacters"/> with an
/// error instead of an overflow.
/// </summary>
/// <param name="reader">The text.</param>
/// <param name="id">The document, for messages.</param>
/// <param name="capacity">The buffer's first size.</param>
/// <param name="maxWindow">The most characters a window may grow to (<see cref="Grown"/>); tests lower it.</param>
internal sealed class TextWindow(TextReader reader, string id, int capacity, int maxWindow = TextWindow.MaxCharacters)
{
    /// <summary>
    /// 1 Gi characters (2 GiB of memory): the most a window grows to while no place to cut it comes. Doubling
    /// past it would leave what an array and the buffer's arithmetic hold.
    /// </summary>
    public const int MaxCharacters = 1 << 30;

    /// <summary>The buffer: <see cref="Filled"/> characters of the text from <see cref="Start"/> on.</summary>
    public char[] Buffer { get; private set; } = new char[capacity];

    /// <summary>The characters in <see cref="Buffer"/>.</summary>
    public int Filled { get; private set; }

    /// <summary>The text offset of <see cref="Buffer"/>'s first character.</summary>
    public long Start { get; private set; }

    /// <summary>Whether the text has been read to its end.</summary>
    public bool End { get; private set; }

    /// <summary>
    /// Reads until <see cref="Filled"/> reaches <paramref name="want"/> or the text ends, the buffer grown to
    /// hold it; <paramref name="look"/> sees each stretch read, with its text offset, and may change it.
    /// </summary>
    /// <exception cref="InputException">The text has more characters than an offset of the reports can hold.</exception>
    public void Fill(int want, LookAction? look = null)
    {
        if (want > Buffer.Length)
        {
            var buffer = Buffer;
            Array.Resize(ref buffer, (int)Math.Min(Math.Max(want, Buffer.Length * 2L), Array.MaxLength));
            Buffer = buffer;
        }

        while (!End && Filled < want)
        {
            var read = reader.Read(Buffer, Filled, want - Filled);
            if (read == 0)
            {
                End = true;
                break;
            }

            look?.Invoke(Buffer.AsSpan(Filled, read), Start + Filled);
            Filled += read;
            if (Start + Filled > int.MaxValue)
            {
                throw new InputException("the document has more than 2,147,483,647 characters, more than the offsets of the reports can hold.", id,
                    fix: "Split the file into smaller files.");
            }
        }
    }

    /// <summary>Drops the first <paramref name="count"/> characters of the buffer (the text before them is done with).</summary>
    public void Drop(int count)
    {
        if (count <= 0)
        {
            return;
        }

        Array.Copy(Buffer, count, Buffer, 0, Filled - count);
        Filled -= count;
        Start += count;
    }

    /// <summary>The window doubled, for a stretch of <paramref name="window"/> characters with no place to cut it.</summary>
    /// <exception cref="InputException">Doubled, it would pass the most a window may hold: the stretch is named with where it starts.</exception>
    public int Grown(int window, long from)
    {
        if (window > maxWindow / 2)
        {
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"the text from character {from:N0} on runs for more than {window:N0} characters with no place where it can be cut into windows (no sentence end, and no space or clause mark that a word or match does not cross), more than a window may hold."),
                id, fix: "Add sentence ends or line breaks to that stretch (it is probably not prose: generated or damaged), or remove it from the file.");
        }

        return window * 2;
    }

    /// <summary>Sees, and may change, a stretch of characters just read, at text offset <paramref name="offset"/>.</summary>
    public delegate void LookAction(Span<char> chars, long offset);
}
