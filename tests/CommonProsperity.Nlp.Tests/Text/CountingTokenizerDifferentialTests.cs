using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

/// <summary>
/// The optimised tokenizer against <see cref="ReferenceCounter"/>, the counting rules written as plainly
/// as possible: the same tokens, offsets and phrase gaps on random stress texts and on the shared corpus.
/// </summary>
public class CountingTokenizerDifferentialTests
{
    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tokenize_RandomStressText_MatchesReference(int seed)
    {
        var text = RandomText.Make(new Random(seed), DefaultLexicon.Instance, 20_000);

        AssertSameTokens(text);
    }

    [Fact]
    public void Tokenize_SharedCorpus_MatchesReference()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Shared, "corpus"), "*.txt"))
        {
            AssertSameTokens(File.ReadAllText(file));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-")]
    [InlineData("en-\n")]
    [InlineData("en-\njoyed")]
    [InlineData("’s")]
    [InlineData("a’")]
    [InlineData("\uD800")]
    [InlineData("\U00020000\U00020001")]
    [InlineData("x\U0001D400")]
    public void Tokenize_EdgeCase_MatchesReference(string text) => AssertSameTokens(text);

    private static void AssertSameTokens(string text)
    {
        var expected = ReferenceCounter.Tokenize(text).Select(t => new Token(t.Key, t.Start, t.End, t.JoinsPrevious)).ToList();
        var actual = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text, actual);

        Assert.Equal(expected, actual.ToList());
    }
}
