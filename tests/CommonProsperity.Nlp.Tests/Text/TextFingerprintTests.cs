using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Tests.Text;

public sealed class TextFingerprintTests
{
    /// <summary>A paragraph of about 700 normalised characters (12 sentences), written for these tests.</summary>
    internal static readonly string Block = string.Concat(Enumerable.Range(1, 12).Select(i =>
        $"Section {i} of the plan raises rural incomes and narrows the gap between regions step by step. "));

    private static TextFingerprint Of(string text)
    {
        var tokens = new TokenBuffer();
        CountingTokenizer.Instance.Tokenize(text, tokens);
        return TextFingerprint.Of(text, tokens, TextSegmenter.Instance.Segment(text));
    }

    [Theory]
    [InlineData("Common prosperity for all.\nIt is the goal.", "COMMON  prosperity\r\nfor all. It is\tthe goal")]
    [InlineData("共同富裕是目标。", "共同 富裕，是目标")]
    [InlineData("We en-\njoyed it.", "we enjoyed it")]
    public void Of_SameTextWrappedSpacedOrCasedDifferently_HasTheSameHash(string a, string b)
    {
        // Act and Assert
        Assert.Equal(Of(a).Text, Of(b).Text);
    }

    [Theory]
    [InlineData("Common prosperity for all.", "Common prosperity for most.")]
    [InlineData("共同富裕是目标。", "共同富裕不是目标。")]
    public void Of_DifferentTexts_HaveDifferentHashes(string a, string b)
    {
        // Act and Assert
        Assert.NotEqual(Of(a).Text, Of(b).Text);
    }

    [Fact]
    public void Of_TextWithoutTokens_HasHashZero()
    {
        // Act and Assert
        Assert.Equal(0UL, Of(" ，。\n").Text);
    }

    [Fact]
    public void Of_TextPastedThreeTimes_FindsTheRepeatedSentencesAndWhereTheyStart()
    {
        // Arrange: a heading and a blank line, then the block three times, each copy on its own line.
        var text = "Work report\n\n" + Block + "\n" + Block + "\n" + Block;

        // Act
        var fingerprint = Of(text);

        // Assert: the second and third copies repeat the first; line 4 holds the second copy.
        Assert.True(fingerprint.RepeatsBlocks);
        Assert.Equal(24, fingerprint.Repeats.Count);
        Assert.Equal(4, fingerprint.FirstRepeatLine);
        Assert.Equal(text.IndexOf(Block, 20, StringComparison.Ordinal), fingerprint.Repeats[0].Start);
        Assert.InRange((double)fingerprint.RepeatedCharacters / fingerprint.Characters, 0.66, 0.67);
    }

    [Fact]
    public void Of_ShortSentencesRepeated_IsNoRepeatedBlock()
    {
        // Arrange: formula sentences under 50 normalised characters, repeated 40 times, as laws do.
        var text = string.Concat(Enumerable.Repeat("本法自公布之日起施行。第一条 为了规范慈善活动。", 40));

        // Act
        var fingerprint = Of(text);

        // Assert
        Assert.False(fingerprint.RepeatsBlocks);
        Assert.Empty(fingerprint.Repeats);
    }

    [Fact]
    public void Of_OneLongSentenceRepeatedOnce_IsUnderTheBlockThreshold()
    {
        // Arrange: one repeated sentence of about 80 normalised characters is a quotation, not a pasted block.
        const string sentence = "The plan raises rural incomes and narrows the gap between the coastal and the inland regions. ";
        var text = sentence + "Other text follows here. " + sentence;

        // Act
        var fingerprint = Of(text);

        // Assert
        Assert.Empty(fingerprint.Repeats);
        Assert.False(fingerprint.RepeatsBlocks);
    }

    [Fact]
    public void Of_RepeatedBlockUnderATenthOfTheText_IsNoPastedCopy()
    {
        // Arrange: the block, 11 different blocks of its size, the block again: a repeat of 903 of 11,895 normalised characters.
        var text = Block + "\n\n" + string.Concat(Enumerable.Range(1, 11).Select(b => Block.Replace("plan", $"plan{b}", StringComparison.Ordinal) + "\n\n")) + Block;

        // Act
        var fingerprint = Of(text);

        // Assert: the block repeats, under 10% of the text.
        Assert.Equal(12, fingerprint.Repeats.Count);
        Assert.False(fingerprint.RepeatsBlocks);
    }

    [Fact]
    public void Of_ScatteredRepeatsAsInEndnotes_AreNoBlock()
    {
        // Arrange: 20 endnotes, every other one citing the same long source again (10 repeats, 800 characters in all).
        var notes = Enumerable.Range(1, 20).Select(i => i % 2 == 0
            ? $"{i}. Author Name, A Long Book Title about Party Institutions, University Press, 2021, 320.\n\n"
            : $"{i}. Another Writer, \"Article number {i} on provincial finance and rural incomes,\" Journal, 2019.\n\n");
        var text = "Endnotes\n\n" + string.Concat(notes);

        // Act
        var fingerprint = Of(text);

        // Assert
        Assert.False(fingerprint.RepeatsBlocks);
    }

    [Fact]
    public void WithoutRepeats_BlanksTheRepeatsKeepingLengthAndLineBreaks()
    {
        // Arrange
        var text = Block + "\n" + Block;
        var fingerprint = Of(text);

        // Act
        var blanked = fingerprint.WithoutRepeats(text);

        // Assert
        Assert.Equal(text.Length, blanked.Length);
        Assert.Equal(Block + "\n", blanked[..(Block.Length + 1)]);
        Assert.True(string.IsNullOrWhiteSpace(blanked[(Block.Length + 1)..]));
        Assert.Equal(text.Count(c => c == '\n'), blanked.Count(c => c == '\n'));
    }
}
