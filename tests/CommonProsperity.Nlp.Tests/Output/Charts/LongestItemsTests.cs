using CommonProsperity.Nlp.Output.Charts;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Output.Charts;

public class LongestItemsTests
{
    [Property]
    public bool Items_AnyStream_AreWhatAStableSortByLengthKeeps(int[] lengths, byte count)
    {
        var keep = count % 12;
        var longest = new LongestItems<int>(keep, i => lengths[i] % 7);
        for (var i = 0; i < lengths.Length; i++)
        {
            longest.Add(i);
        }

        // Few distinct lengths (mod 7), so that ties are common: the earlier of two equal items is kept.
        var expected = Enumerable.Range(0, lengths.Length).OrderByDescending(i => lengths[i] % 7).Take(keep).Order().ToList();
        return longest.Items.SequenceEqual(expected) && longest.Seen == lengths.Length;
    }

    [Fact]
    public void Items_FewerThanTheCount_AreAllInTheirOrder()
    {
        var longest = new LongestItems<string>(100, s => s.Length);

        foreach (var s in new[] { "bb", "a", "ccc" })
        {
            longest.Add(s);
        }

        Assert.Equal(["bb", "a", "ccc"], longest.Items);
    }
}
