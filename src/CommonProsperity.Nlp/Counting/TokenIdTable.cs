using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A read-only map from token text to id for the matcher's hot loop, which asks it about every token
/// of every document and is mostly told "no". Open addressing in a table kept at most a quarter full,
/// so that a miss usually costs one hash and one probe; the keys sit side by side in one array.
/// About three times faster than a <see cref="Dictionary{TKey, TValue}"/> alternate lookup here,
/// which pays for its generality with interface calls.
/// </summary>
internal sealed class TokenIdTable
{
    private readonly int[] _slots; // index into _entries + 1; 0 = empty
    private readonly Entry[] _entries;
    private readonly char[] _chars;
    private readonly int _mask;
    private readonly ulong[] _filter = new ulong[1 << 10];

    /// <summary>Builds the table from distinct keys and their ids.</summary>
    public TokenIdTable(IReadOnlyCollection<KeyValuePair<string, int>> keys)
    {
        var size = 16;
        while (size < keys.Count * 4)
        {
            size *= 2;
        }

        _mask = size - 1;
        _slots = new int[size];
        _entries = new Entry[keys.Count];
        _chars = new char[keys.Sum(k => k.Key.Length)];
        var at = 0;
        var index = 0;
        foreach (var (key, id) in keys)
        {
            key.CopyTo(_chars.AsSpan(at));
            var hash = Hash(key);
            _entries[index] = new Entry(hash, at, key.Length, id);
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = index + 1;
            var bit = FilterBit(key);
            _filter[bit >> 6] |= 1UL << bit;
            at += key.Length;
            index++;
        }
    }

    /// <summary>The id of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        var bit = FilterBit(key);
        if ((_filter[bit >> 6] & (1UL << bit)) == 0)
        {
            return -1;
        }

        var hash = Hash(key);
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            ref readonly var candidate = ref _entries[entry - 1];
            if (candidate.Hash == hash && Same(key, _chars.AsSpan(candidate.Start, candidate.Length)))
            {
                return candidate.Id;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>
    /// A key's bit in the filter that turns most misses away before hashing: its length (up to 15)
    /// and the low six bits of its first and last characters.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FilterBit(ReadOnlySpan<char> key) =>
        key.IsEmpty ? 0 : (Math.Min(key.Length, 15) << 12) | ((key[0] & 63) << 6) | (key[^1] & 63);

    /// <summary>Compares short keys in a loop (no call); long ones vectorised.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same(ReadOnlySpan<char> key, ReadOnlySpan<char> stored)
    {
        if (key.Length != stored.Length)
        {
            return false;
        }

        if (key.Length > 8)
        {
            return key.SequenceEqual(stored);
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != stored[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A hash of the length and of the first and last four characters (overlapping in short keys),
    /// read as two 64-bit words: constant time, no loop, and good enough for a few hundred keys.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> key)
    {
        ulong head, tail;
        if (key.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(key);
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
        }
        else
        {
            head = key.Length > 0 ? key[0] : 0u;
            tail = key.Length > 1 ? ((ulong)key[^1] << 16) | key[1] : 0u;
        }

        var hash = ((head * 0x9E3779B97F4A7C15) ^ (tail * 0xC2B2AE3D27D4EB4F)) + (ulong)key.Length;
        return (uint)(hash ^ (hash >> 32));
    }

    private readonly record struct Entry(uint Hash, int Start, int Length, int Id);
}
