using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

/// <summary>
/// <see cref="TextWindow"/>: the buffer both window readers read a text into. Review of the sixth session: a
/// stretch with no place to cut doubled the window past 2^30 characters, into an overflow.
/// </summary>
public class TextWindowTests
{
    [Fact]
    public void Grown_UpToTheLimit_Doubles()
    {
        var window = new TextWindow(new StringReader(string.Empty), "t.txt", 16);

        Assert.Equal(TextWindow.MaxCharacters, window.Grown(TextWindow.MaxCharacters / 2, 0));
    }

    [Fact]
    public void Grown_PastTheLimit_IsAnErrorNamingTheDocumentAndTheStretch()
    {
        // 2^30 doubled is 2^31, past int.MaxValue: this was an overflow to a negative window.
        var window = new TextWindow(new StringReader(string.Empty), "t.txt", 16);

        var error = Assert.Throws<InputException>(() => window.Grown(TextWindow.MaxCharacters, 12_345));

        Assert.StartsWith("t.txt: the text from character 12,345 on runs for more than 1,073,741,824 characters with no place where it can be cut into windows", error.Message, StringComparison.Ordinal);
        Assert.Contains("Add sentence ends or line breaks to that stretch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_DropAndFill_ReadTheTextInOrderWithItsOffsets()
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)));
        var window = new TextWindow(new StringReader(text), "t.txt", 8);
        var seen = new List<long>();

        window.Fill(50, (chars, offset) => seen.Add(offset));
        window.Drop(30);
        window.Fill(400, (chars, offset) => seen.Add(offset));

        Assert.True(window.End);
        Assert.Equal(30, window.Start);
        Assert.Equal(text[30..], new string(window.Buffer, 0, window.Filled));
        Assert.Equal(0, seen[0]);
        Assert.Equal(50, seen[1]);
    }
}
