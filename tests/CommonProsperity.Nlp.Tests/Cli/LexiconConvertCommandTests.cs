using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

public sealed class LexiconConvertCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Dictionaries => ["moral.dic", "liwc2007.dic", "themes.dicx", "weighted.dicx", "themes.cat", "weighted.cat", "themes.yml", "themes.lc3", "themes.ykd"];

    [Theory]
    [MemberData(nameof(Dictionaries))]
    public void Convert_AnyFormat_WritesACsvThatLoadsBackAsTheSameLexicon(string name)
    {
        // Arrange
        var source = Path.Combine(TestPaths.Fixtures, "Dictionaries", name);
        var csv = _temp.File("converted.csv");

        // Act
        var (code, output, error) = CliRunner.Run("lexicon", "convert", source, "--out", csv);

        // Assert
        Assert.True(code == 0, error);
        var original = LexiconLoader.Load(source);
        var converted = LexiconLoader.Load(csv);
        Assert.Contains($"Wrote {original.Terms.Count} terms for {original.Themes.Count} themes", output, StringComparison.Ordinal);
        Assert.Equal(original.Sha256, converted.Sha256);
        Assert.Equal(original.Themes, converted.Themes);
        Assert.Equal(original.Themes.Select(original.LabelOf), converted.Themes.Select(converted.LabelOf));
        Assert.Equal(original.Terms.Select(t => (t.Theme, t.Term, t.Weight)), converted.Terms.Select(t => (t.Theme, t.Term, t.Weight)));
        Assert.Empty(converted.Warnings);
    }

    [Fact]
    public void Convert_DictionaryThatDoesNotExist_ExitsWith65NamingItAndNotTheLexiconOption()
    {
        // Act
        var (code, _, error) = CliRunner.Run("lexicon", "convert", _temp.File("nowhere.dic"), "--out", _temp.File("converted.csv"));

        // Assert
        Assert.Equal(65, code);
        Assert.Equal($"error: {_temp.File("nowhere.dic")}: the dictionary file does not exist. Check the path given to 'cpnlp lexicon convert' (a relative path starts in the current folder).", error.TrimEnd());
        Assert.False(File.Exists(_temp.File("converted.csv")));
    }

    [Fact]
    public void Convert_ExistingFile_IsKeptWithoutForce()
    {
        // Arrange
        var csv = _temp.Write("mine.csv", "keep me");

        // Act
        var (code, _, error) = CliRunner.Run("lexicon", "convert", Path.Combine(TestPaths.Fixtures, "Dictionaries", "themes.lc3"), "--out", csv);

        // Assert
        Assert.Equal(73, code);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(csv));
    }

    [Fact]
    public void Convert_UnsupportedFile_FailsWithoutWritingAnything()
    {
        // Arrange
        var json = _temp.Write("dictionary.json", "{\"economy\": [\"tax\"]}");
        var csv = _temp.File("out.csv");

        // Act
        var (code, _, error) = CliRunner.Run("lexicon", "convert", json, "--out", csv);

        // Assert
        Assert.Equal(65, code);
        Assert.Contains("looks like JSON", error, StringComparison.Ordinal);
        Assert.False(File.Exists(csv));
    }
}
