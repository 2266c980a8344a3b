using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Counting;

public sealed class LexiconLoaderLoadTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("themes.dic")]
    [InlineData("THEMES.DIC")]
    public void Load_DicExtension_ReadsLiwcFormat(string name)
    {
        // Arrange
        var path = _temp.Write(name, "%\n1\tinequality\n%\ninequalit*\t1\n");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal([new LexiconTerm("inequality", "inequalit*", null, null, 4)], lexicon.Terms);
        Assert.Equal(path, lexicon.Source);
    }

    [Theory]
    [InlineData("themes.csv")]
    [InlineData("themes.txt")]
    public void Load_OtherExtension_ReadsCsvFormat(string name)
    {
        // Arrange
        var path = _temp.Write(name, "theme,term,lang\nphilanthropy,慈善,zh\n");

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal([new LexiconTerm("philanthropy", "慈善", "zh", null, 2)], lexicon.Terms);
    }

    [Fact]
    public void Load_Utf8WithByteOrderMark_ReadsTheFirstHeader()
    {
        // Arrange
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("theme,term\ninequality,共同富裕\n")).ToArray();
        var path = _temp.Write("bom.csv", bytes);

        // Act
        var lexicon = LexiconLoader.Load(path);

        // Assert
        Assert.Equal([new LexiconTerm("inequality", "共同富裕", null, null, 2)], lexicon.Terms);
    }

    [Fact]
    public void Load_SameTermsSavedWithOtherQuotingAndLineEndings_HasTheSameFingerprint()
    {
        // Arrange
        var unix = _temp.Write("unix.csv", "theme,term\ninequality,wealth gap\ncontrol,party-state\n");
        var windows = _temp.Write("windows.csv", "\"theme\",\"term\"\r\n\"inequality\",\"wealth gap\"\r\n\"control\",\"party-state\"\r\n");
        var withBom = _temp.Write("bom.csv", [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(unix)]);

        // Act
        var first = LexiconLoader.Load(unix);
        var second = LexiconLoader.Load(windows);
        var third = LexiconLoader.Load(withBom);

        // Assert
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Sha256, third.Sha256);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        // Arrange
        var path = Path.Combine(_temp.Path, "nowhere.csv");

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.Load(path));

        // Assert
        Assert.Equal(path, error.FilePath);
        Assert.Null(error.Line);
        Assert.Equal($"{path}: the lexicon file does not exist. Check the path given for the lexicon file, or run DefaultLexicon.ReadText() to get the built-in one.", error.Message);
    }

    [Fact]
    public void Load_MalformedDicFile_NamesTheFullPathAndLine()
    {
        // Arrange
        var path = _temp.Write("bad.dic", "%\n1\tinequality\n%\ngap\t2\n");

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.Load(path));

        // Assert
        Assert.Equal(4, error.Line);
        Assert.StartsWith($"{path}:4: the entry 'gap' names category 2", error.Message);
    }

    [Fact]
    public void Load_MalformedCsvFile_NamesTheFullPathAndLine()
    {
        // Arrange
        var path = _temp.Write("bad.csv", "theme,term\ninequality,gap\nSocial Welfare,pension\n");

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.Load(path));

        // Assert
        Assert.StartsWith($"{path}:3: 'social welfare' is not a valid theme id.", error.Message);
    }

    [Fact]
    public void Load_BinaryFile_ThrowsLexiconException()
    {
        // Arrange
        var path = _temp.Write("binary.csv", [0x00, 0x01, 0x02, 0x00, 0xFF, 0x00, 0x10, 0x80]);

        // Act
        var error = Assert.Throws<LexiconException>(() => LexiconLoader.Load(path));

        // Assert
        Assert.Equal(path, error.FilePath);
    }
}
