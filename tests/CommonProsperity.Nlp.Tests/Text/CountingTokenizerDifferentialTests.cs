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

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Tokenize_MostlyAsciiText_MatchesReference(int seed)
    {
        // Long runs of plain ASCII go through the tokenizer's whole-block path: words of every length up
        // to past two blocks, cut anywhere by apostrophes, hyphens (at line ends too), punctuation and now
        // and then a character beyond ASCII, so that block edges fall everywhere.
        var random = new Random(seed);
        string[] gaps = [" ", " ", " ", "  ", "\n", "\r\n", "-", "-\n", "-\n  ", "'", "' ", ", ", ". ", "\t", "\u001F", "(", "\"", "’", "\u00AD", "é", "中", "“"];
        const string letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var text = new System.Text.StringBuilder();
        while (text.Length < 200_000)
        {
            var length = random.Next(4) == 0 ? random.Next(1, 80) : random.Next(1, 9);
            for (var k = 0; k < length; k++)
            {
                text.Append(letters[random.Next(random.Next(3) == 0 ? letters.Length : 26)]);
            }

            text.Append(random.Next(3) == 0 ? gaps[random.Next(gaps.Length)] : " ");
        }

        AssertSameTokens(text.ToString());
        AssertSameTokens(text.ToString(1, text.Length - 1));
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
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEF")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFé")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDE don't")]
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEF-\ngh and more words after it")]
    [InlineData("a b c d e f g h i j k l m n o p q r s t u v w x y z . policy")]
    public void Tokenize_EdgeCase_MatchesReference(string text) => AssertSameTokens(text);

    private static void AssertSameTokens(string text)
    {
        var expected = ReferenceCounter.Tokenize(text).Select(t => new Token(t.Key, t.Start, t.End, t.JoinsPrevious)).ToList();
        var actual = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text, actual);

        Assert.Equal(expected, actual.ToList());
    }
}
