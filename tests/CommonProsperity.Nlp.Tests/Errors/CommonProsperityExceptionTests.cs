using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Errors;

public sealed class CommonProsperityExceptionTests
{
    [Theory]
    [InlineData("lexicon.csv", 12L, "Fix it.", "lexicon.csv:12: the term is empty. Fix it.")]
    [InlineData("lexicon.csv", null, "Fix it.", "lexicon.csv: the term is empty. Fix it.")]
    [InlineData(null, null, null, "the term is empty.")]
    [InlineData("lexicon.csv", 1234567L, null, "lexicon.csv:1234567: the term is empty.")]
    public void Message_PathLineAndFix_AreComposedInOrder(string? path, long? line, string? fix, string expected)
    {
        // Act
        var error = new CommonProsperityException("the term is empty.", path, line, fix);

        // Assert
        Assert.Equal(expected, error.Message);
        Assert.Equal("the term is empty.", error.Problem);
        Assert.Equal(path, error.FilePath);
        Assert.Equal(line, error.Line);
        Assert.Equal(fix, error.Fix);
    }

    [Fact]
    public void Message_UnderACultureWithOtherDigitGrouping_UsesInvariantDigits()
    {
        // Arrange
        using var culture = new CultureScope("ar-SA");

        // Act
        var error = new LexiconException("bad.", "a.dic", 1234567);

        // Assert
        Assert.Equal("a.dic:1234567: bad.", error.Message);
    }

    [Fact]
    public void ExitCode_EachErrorKind_MapsToItsSysexitsCode()
    {
        Assert.Equal(ExitCodes.DataError, new CommonProsperityException("x").ExitCode);
        Assert.Equal(65, new LexiconException("x", "a.csv", 1).ExitCode);
        Assert.Equal(65, new InputException("x", "a.txt").ExitCode);
        Assert.Equal(64, new OptionsException($"x").ExitCode);
        Assert.Equal(73, new OutputException("x", "out").ExitCode);
    }

    [Fact]
    public void Constructor_InnerException_IsKept()
    {
        // Arrange
        var inner = new IOException("disk");

        // Act
        var error = new InputException("cannot read.", "a.txt", inner: inner);

        // Assert
        Assert.Same(inner, error.InnerException);
        Assert.IsAssignableFrom<CommonProsperityException>(error);
    }
}
