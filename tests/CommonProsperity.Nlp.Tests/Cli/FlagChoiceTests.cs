using CommonProsperity.Nlp.Cli.Commands;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary><see cref="FlagChoice"/>: a word-valued flag read in any case, its other words accepted, and a message that offers each choice.</summary>
public class FlagChoiceTests
{
    [Theory]
    [InlineData("characters", 2)]
    [InlineData(" Chars ", 2)]
    [InlineData("WORD", 1)]
    public void Parse_AnyOfAChoicesWords_GivesItsMeaning(string value, int expected)
    {
        var meaning = FlagChoice.Parse("--unit", value, "a unit", ("words|word", 1), ("characters|character|chars", 2));

        Assert.Equal(expected, meaning);
    }

    [Fact]
    public void Parse_NoChoicesWord_SaysWhatItIsNotAndOffersEachChoicesFirstWord()
    {
        var error = Assert.Throws<OptionsException>(() => FlagChoice.Parse("--unit", "Letters", "a unit", ("words|word", 1), ("characters|chars", 2)));

        Assert.Equal("--unit Letters is not a unit. Use --unit words or --unit characters.", error.Message);
    }
}
