using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting;

/// <summary>
/// Review of the seventh session: the failures of a run of Chinese characters carried across windows are the
/// document's problem (named, with what to do) or the temporary folder's, never an internal error or
/// "cannot read the file" pointing at the input.
/// </summary>
public class ChineseRunCarryTests
{
    private const string Run = "共同富裕慈善事业第三次分配";

    [Fact]
    public void Append_RunLongerThanTheLongestCounted_IsAnInputErrorNamingTheDocumentAndTheFix()
    {
        using var carry = new ChineseRunCarry("big.txt", inMemoryCharacters: 5, maxCharacters: 20);
        carry.Append(Run);

        var error = Assert.Throws<InputException>(() => carry.Append(Run));

        Assert.StartsWith("big.txt: a run of Chinese characters without punctuation, a space or a line break is longer than 20 characters, more than can be counted as one run (its words are found in the whole run at once); the document was not analysed. Add punctuation", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Add punctuation or line breaks to that run", error.Fix, StringComparison.Ordinal);
        Assert.Contains("split the file", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Append_RunUpToTheLongestCounted_IsCarriedWhole()
    {
        using var carry = new ChineseRunCarry("big.txt", inMemoryCharacters: 5, maxCharacters: 26);
        carry.Append(Run);
        carry.Append(Run);

        Assert.Equal(Run + Run, carry.Run().ToString());
    }

    [Fact]
    public void Run_TemporaryFileThatCannotBeReadBack_NamesTheTemporaryFolderNotTheInput()
    {
        // The run spills to a temporary file the test can reach, which is cut short (as a failing disk or a cleaner
        // of the temporary folder would leave it) before the run is read back. 32,768 characters: the spool's
        // buffer, written out whole, so nothing is left to write when the run is read back.
        using var temp = new TempDirectory();
        var path = temp.File("spool.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        using var carry = new ChineseRunCarry("big.txt", inMemoryCharacters: 5) { Spool = () => new SpooledText(file, temp.Path, "big.txt") };
        var run = string.Concat(Enumerable.Repeat(Run, 2521))[..32_768];
        carry.Append(run.AsSpan(0, 13));
        carry.Append(run.AsSpan(13));
        using (var other = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            other.SetLength(0);
        }

        var error = Assert.Throws<InputException>(() => carry.Run());

        Assert.StartsWith($"big.txt: cannot read the document's text back from its temporary file in the temporary folder {temp.Path} (it ends at byte 0, but 65,536 were written to it)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot read the file", error.Message, StringComparison.Ordinal);
        Assert.Contains(OperatingSystem.IsWindows() ? "TMP environment variable" : "TMPDIR environment variable", error.Fix, StringComparison.Ordinal);
    }
}
