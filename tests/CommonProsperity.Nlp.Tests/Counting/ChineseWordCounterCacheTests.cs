using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Tests.Counting;

public class ChineseWordCounterCacheTests
{
    [Fact]
    public void TryGet_AfterTryAdd_FindsTheCountOfThatRunOnly()
    {
        var cache = new ChineseWordCounterCache(10);
        cache.TryAdd("共同富裕", ChineseWordCounterCache.Hash("共同富裕"), 2);

        Assert.True(cache.TryGet("共同富裕", ChineseWordCounterCache.Hash("共同富裕"), out var count));
        Assert.Equal(2, count);
        Assert.False(cache.TryGet("共同富", ChineseWordCounterCache.Hash("共同富"), out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryGet_RunsWithTheSameHash_AreToldApartByTheirCharacters()
    {
        // The same hash for all (as if they collided): each is found by comparing the run itself.
        var cache = new ChineseWordCounterCache(10);
        string[] runs = ["共同", "富裕", "共同富裕", "共富"];
        for (var i = 0; i < runs.Length; i++)
        {
            cache.TryAdd(runs[i], 42, i + 1);
        }

        for (var i = 0; i < runs.Length; i++)
        {
            Assert.True(cache.TryGet(runs[i], 42, out var count));
            Assert.Equal(i + 1, count);
        }

        Assert.False(cache.TryGet("同富", 42, out _));
    }

    [Fact]
    public void TryAdd_TheSameRunTwice_KeepsOneEntry()
    {
        var cache = new ChineseWordCounterCache(10);
        cache.TryAdd("共同", ChineseWordCounterCache.Hash("共同"), 1);
        cache.TryAdd("共同", ChineseWordCounterCache.Hash("共同"), 1);

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void TryAdd_PastTheCapacity_RemembersNoMore()
    {
        var cache = new ChineseWordCounterCache(3);
        for (var i = 0; i < 100; i++)
        {
            var run = new string((char)('\u4E00' + i), 2);
            cache.TryAdd(run, ChineseWordCounterCache.Hash(run), i);
        }

        Assert.Equal(3, cache.Count);
        var found = Enumerable.Range(0, 100).Count(i => cache.TryGet(new string((char)('\u4E00' + i), 2), ChineseWordCounterCache.Hash(new string((char)('\u4E00' + i), 2)), out _));
        Assert.Equal(3, found);
    }

    [Fact]
    public void TryAdd_ManyLongRuns_GrowsAndKeepsEvery()
    {
        // 3,000 runs of 64 characters: the table grows many times over, in slots and in characters.
        var cache = new ChineseWordCounterCache(200_000);
        var random = new Random(7);
        var runs = Enumerable.Range(0, 3000).Select(_ => new string([.. Enumerable.Range(0, 64).Select(_ => (char)random.Next(0x4E00, 0x9FA5))])).Distinct().ToArray();
        for (var i = 0; i < runs.Length; i++)
        {
            cache.TryAdd(runs[i], ChineseWordCounterCache.Hash(runs[i]), i % 65);
        }

        Assert.Equal(runs.Length, cache.Count);
        for (var i = 0; i < runs.Length; i++)
        {
            Assert.True(cache.TryGet(runs[i], ChineseWordCounterCache.Hash(runs[i]), out var count));
            Assert.Equal(i % 65, count);
        }
    }

    [Fact]
    public void TryGet_RunsInsideTheirSlotAndBeside_AreFoundByTheirWholeLength()
    {
        // Up to InlineLength characters a run is kept in its slot, beyond it in the characters beside.
        var cache = new ChineseWordCounterCache(100);
        var longest = new string([.. Enumerable.Range(0, ChineseWordCounterCache.InlineLength + 8).Select(i => (char)('\u4E00' + i))]);
        for (var length = 1; length <= longest.Length; length++)
        {
            cache.TryAdd(longest.AsSpan(0, length), ChineseWordCounterCache.Hash(longest.AsSpan(0, length)), length);
        }

        for (var length = 1; length <= longest.Length; length++)
        {
            Assert.True(cache.TryGet(longest.AsSpan(0, length), ChineseWordCounterCache.Hash(longest.AsSpan(0, length)), out var count));
            Assert.Equal(length, count);
            var other = longest[..length].ToCharArray();
            other[^1] = '\u9FA5';
            Assert.False(cache.TryGet(other, ChineseWordCounterCache.Hash(longest.AsSpan(0, length)), out _));
        }
    }

    [Fact]
    public void TryAdd_FromManyThreadsAtOnce_EveryRunFoundWithItsCount()
    {
        var cache = new ChineseWordCounterCache(5000);
        var runs = Enumerable.Range(0, 2000).Select(i => $"{(char)('\u4E00' + (i % 100))}{(char)('\u4E00' + (i / 100))}").ToArray();
        Parallel.For(0, 8, thread =>
        {
            // Every thread adds every run, in a different order, so that adds of the same run race.
            for (var n = 0; n < runs.Length; n++)
            {
                var i = ((n * 7919) + (thread * 263)) % runs.Length;
                cache.TryAdd(runs[i], ChineseWordCounterCache.Hash(runs[i]), i);
            }
        });

        Assert.Equal(runs.Length, cache.Count);
        for (var i = 0; i < runs.Length; i++)
        {
            Assert.True(cache.TryGet(runs[i], ChineseWordCounterCache.Hash(runs[i]), out var count));
            Assert.Equal(i, count);
        }
    }
}
