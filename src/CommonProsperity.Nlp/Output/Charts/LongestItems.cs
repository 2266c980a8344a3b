namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The <c>count</c> items with the most tokens of a stream, kept as they arrive (the rest are let go), so
/// that a chart of the longest documents needs no list of them all. Ties go to the earlier item, as a
/// stable sort by tokens would keep them.
/// </summary>
/// <param name="count">How many items to keep.</param>
/// <param name="tokens">An item's length.</param>
internal sealed class LongestItems<T>(int count, Func<T, long> tokens)
{
    // The root is the item to let go first: the fewest tokens, and of those the latest.
    private readonly PriorityQueue<(T Item, long Index), (long Tokens, long Later)> _kept = new(count + 1);

    /// <summary>The items seen so far.</summary>
    public long Seen { get; private set; }

    /// <summary>Sees one more item, keeping it when it is among the longest so far.</summary>
    public void Add(T item)
    {
        var priority = (tokens(item), -Seen);
        if (_kept.Count < count)
        {
            _kept.Enqueue((item, Seen), priority);
        }
        else if (count > 0)
        {
            // An item as long as the shortest kept one is later than it, so it is the one let go.
            _kept.EnqueueDequeue((item, Seen), priority);
        }

        Seen++;
    }

    /// <summary>The items kept, in the order they arrived.</summary>
    public IReadOnlyList<T> Items => [.. _kept.UnorderedItems.OrderBy(x => x.Element.Index).Select(x => x.Element.Item)];
}
