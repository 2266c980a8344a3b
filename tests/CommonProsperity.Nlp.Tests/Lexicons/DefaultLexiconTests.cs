using CommonProsperity.Nlp.Lexicons;

namespace CommonProsperity.Nlp.Tests.Lexicons;

public sealed class DefaultLexiconTests
{
    [Fact]
    public void Instance_BuiltInLexicon_LoadsWithCodebookThemesFirst()
    {
        // Act
        var lexicon = DefaultLexicon.Instance;

        // Assert
        Assert.Equal("built-in", lexicon.Source);
        Assert.NotEmpty(lexicon.Terms);
        var codebookThemes = lexicon.Themes.Where(t => Codebook.OrderOf(t) != int.MaxValue).ToArray();
        Assert.Equal(lexicon.Themes.Take(codebookThemes.Length), codebookThemes);
        Assert.Equal(codebookThemes.OrderBy(Codebook.OrderOf), codebookThemes);
    }

    [Fact]
    public void ReadText_BuiltInLexicon_StartsWithTheCsvHeader()
    {
        Assert.StartsWith("theme,term", DefaultLexicon.ReadText().TrimStart('\uFEFF'), StringComparison.Ordinal);
    }
}
