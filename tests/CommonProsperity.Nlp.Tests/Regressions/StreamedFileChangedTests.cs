using System.Text;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Review of the sixth session: a file that streams in (a large text or CSV file) is opened several times
/// (hashed and its encoding decided, then read, in classify twice), and was opened again without checking
/// that it was still the file first read; a byte it could not decode then was an error naming no file.
/// </summary>
public class StreamedFileChangedTests
{
    private const string Text = "Common prosperity and charity. 推进共同富裕，发展慈善事业。\n";

    [Fact]
    public void Open_FileReplacedByAnotherSinceItWasInspected_IsRefusedNamingIt()
    {
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);
        temp.Write("other.txt", Text.ToUpperInvariant());
        File.Move(temp.File("in.txt"), temp.File("old.txt"));
        File.Move(temp.File("other.txt"), temp.File("in.txt"));

        var error = Assert.Throws<InputException>(() => text.Open().Dispose());

        Assert.StartsWith("in.txt: the file changed since it was first read: another file was put in its place; it was not analysed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run again once the input folder is stable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileReplacedByASymbolicLinkToAnother_IsRefused()
    {
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);
        temp.Write("elsewhere.txt", Text);
        File.Delete(temp.File("in.txt"));
        File.CreateSymbolicLink(temp.File("in.txt"), temp.File("elsewhere.txt"));

        var error = Assert.Throws<InputException>(() => text.Open().Dispose());

        Assert.Contains("another file was put in its place", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileThatGrewSinceItWasInspected_IsRefusedNamingBothSizes()
    {
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);
        File.AppendAllText(temp.File("in.txt"), "More text.");

        var error = Assert.Throws<InputException>(() => text.Open().Dispose());

        Assert.Contains($"its size went from {Encoding.UTF8.GetByteCount(Text)} to {Encoding.UTF8.GetByteCount(Text) + 10} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileChangedInPlaceToBytesItsEncodingCannotDecode_IsAnErrorNamingTheFile()
    {
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);
        using var reader = text.Open(); // opened before the change, whose new times its opening would see
        using (var file = new FileStream(temp.File("in.txt"), FileMode.Open, FileAccess.Write))
        {
            file.Write([0xFF, 0xFE, 0xFD]); // same file, same size: decoding it finds the change before its end is reached
        }

        var error = Assert.Throws<InputException>(() => reader.ReadToEnd());

        Assert.StartsWith("in.txt: the file is no longer valid utf-8 text (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileEditedInPlaceKeepingItsSizeAndStillDecoding_IsRefusedByItsModificationTime()
    {
        // Review of the seventh session: the same file, the same size, still valid UTF-8; only its times show the edit.
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);
        EditInPlace(temp.File("in.txt"));

        var error = Assert.Throws<InputException>(() => text.Open().Dispose());

        Assert.StartsWith("in.txt: the file changed since it was first read: it was written to in place (its modification time went from ", error.Message, StringComparison.Ordinal);
        Assert.Contains(" to 2001-02-03 04:05:06.000000000 UTC); it was not analysed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileEditedInPlaceWhileItIsRead_IsAnErrorAtItsEnd()
    {
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);
        using var reader = text.Open();
        EditInPlace(temp.File("in.txt"));

        var error = Assert.Throws<InputException>(() => reader.ReadToEnd());

        Assert.StartsWith("in.txt: the file changed since it was first read: it was written to in place (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_FileUnchangedSinceItWasInspected_ReadsItsText()
    {
        using var temp = new TempDirectory();
        var text = Inspect(temp, Text);

        using var reader = text.Open();

        Assert.Equal(Text, reader.ReadToEnd());
    }

    /// <summary>Writes over the file's first bytes with the same number of bytes of other text, and sets its modification time explicitly (no dependence on the clock's resolution).</summary>
    private static void EditInPlace(string path)
    {
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Write("COMMON"u8);
        }

        File.SetLastWriteTimeUtc(path, new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc));
    }

    private static StreamedTextFile Inspect(TempDirectory temp, string text)
    {
        temp.Write("in.txt", text);
        return StreamedTextFile.Inspect(new SourceFile(temp.File("in.txt"), "in.txt", temp.Path), out _, out _, CancellationToken.None);
    }
}
